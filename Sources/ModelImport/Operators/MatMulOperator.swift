import Autodiff

/// ONNX `MatMul`, as Autodiff's `MatMul` on matrices and vectors. A stack of matrices times one
/// matrix (`(…, n, k) @ (k, m)`, a linear layer on a sequence) is reshaped to one product and back;
/// stacks on both sides (attention's scores) are broadcast to one stack and multiplied by
/// `BatchMatMul`.
enum MatMulOperator: OnnxOperator {
  static let opType = "MatMul"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    let a = try node.variable(0)
    let b = try node.variable(1)
    if a.shape.count <= 2 && b.shape.count <= 2 { return [.variable(try node.call(MatMul(), [a, b]))] }
    guard a.shape.count >= 2, b.shape.count >= 2 else {
      throw node.error("a vector times a stack of matrices is not supported: \(shapes(a, b))")
    }
    let aStack = Array(a.shape.dropLast(2))
    let bStack = Array(b.shape.dropLast(2))
    let (n, k) = (a.shape[a.shape.count - 2], a.shape.last!)
    let m = b.shape.last!
    if bStack.isEmpty {
      let flat = try node.call(Reshape([-1, k]), [a])
      let product = try node.call(MatMul(), [flat, b])
      return [.variable(try node.call(Reshape(aStack + [n, m]), [product]))]
    }
    let stack: [Int]
    do {
      stack = try Tensor.broadcastShape(aStack, bStack, operation: "MatMul")
    } catch {
      throw node.error("the stacks do not broadcast: \(shapes(a, b))")
    }
    let aFull =
      a.shape.count == stack.count + 2 && Array(aStack) == stack
      ? a : try node.call(BroadcastTo(stack + [n, k]), [a])
    let bFull = Array(bStack) == stack ? b : try node.call(BroadcastTo(stack + Array(b.shape.suffix(2))), [b])
    return [.variable(try node.call(BatchMatMul(), [aFull, bFull]))]
  }

  private static func shapes(_ a: Variable, _ b: Variable) -> String {
    "\(formatShape(a.shape)) @ \(formatShape(b.shape))"
  }
}
