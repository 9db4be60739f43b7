import Autodiff

/// ONNX `Trilu`: the lower (`upper` 0, `torch.tril`) or upper (`upper` 1, `torch.triu`) triangle of
/// the last two axes, from diagonal `k` (an optional constant input), the rest zero. A constant
/// (a causal mask) stays constant; a computed value goes through Autodiff's `Where` with zero.
enum TriluOperator: OnnxOperator {
  static let opType = "Trilu"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 2)
    let upper = try node.int("upper", default: 1) != 0
    let k = node.has(1) ? try node.integers(1, "k").first ?? 0 : 0
    let x = node.inputs[0]!
    guard x.shape.count >= 2 else {
      throw node.error("the input must have rank 2 or more, got \(x.shape.count)")
    }
    let (rows, columns) = (x.shape[x.shape.count - 2], x.shape[x.shape.count - 1])
    let keep = Tensor(
      shape: [rows, columns],
      scalars: (0..<rows * columns).map { offset in
        let (row, column) = (offset / columns, offset % columns)
        return (upper ? column - row >= k : column - row <= k) ? 1 : 0
      })
    if x.isConstant {
      do {
        return [DataElementwise.constant(node, try Tensor.elementwise(x.data, keep, operation: "Trilu", *))]
      } catch {
        throw node.error("\(error)")
      }
    }
    let zero = Variable(Tensor(0), name: "0")
    return [.variable(try node.call(Where(condition: keep), [try node.variable(0), zero]))]
  }
}
