import Autodiff

/// ONNX `Expand` with a constant shape: the input broadcast (both ways, as NumPy's rule) to it, as
/// Autodiff's `BroadcastTo`.
enum ExpandOperator: OnnxOperator {
  static let opType = "Expand"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    let x = try node.variable(0)
    let requested = try node.integers(1, "shape")
    let target: [Int]
    do {
      target = try Tensor.broadcastShape(x.shape, requested, operation: "Expand")
    } catch {
      throw node.error("cannot expand \(formatShape(x.shape)) to \(requested)")
    }
    if target == x.shape { return [.variable(x)] }
    return [.variable(try node.call(BroadcastTo(target), [x]))]
  }
}
