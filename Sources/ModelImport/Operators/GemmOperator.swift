import Autodiff

/// ONNX `Gemm`: alpha·A'·B' + beta·C, where A' and B' are A and B transposed when `transA` and
/// `transB` say so; composed of `Transpose` (for `transA`), `MatMul` (`MatMulTransposed`, A'·Bᵀ, for
/// `transB`: the weight is not copied), `Mul` (when alpha or beta is not 1) and `Add`.
enum GemmOperator: OnnxOperator {
  static let opType = "Gemm"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    let alpha = try node.float("alpha", default: 1)
    let beta = try node.float("beta", default: 1)
    let transA = try flag(&node, "transA")
    let transB = try flag(&node, "transB")
    var a = try node.variable(0)
    let b = try node.variable(1)
    guard a.shape.count == 2, b.shape.count == 2 else {
      throw node.error("A and B must be matrices, got \(formatShape(a.shape)) and \(formatShape(b.shape))")
    }
    if transA { a = try node.call(Transpose(), [a]) }
    var y = try node.call(transB ? MatMulTransposed() : MatMul(), [a, b])
    if alpha != 1 { y = try node.call(Mul(), [y, Variable(Tensor(alpha), name: formatConstant(alpha))]) }
    guard node.has(2) else { return [.variable(y)] }
    var c = try node.variable(2)
    if beta != 1 { c = try node.call(Mul(), [c, Variable(Tensor(beta), name: formatConstant(beta))]) }
    return [.variable(try node.call(Add(), [y, c]))]
  }

  /// A 0/1 attribute.
  private static func flag(_ node: inout NodeContext, _ name: String) throws(ModelImportError) -> Bool {
    let value = try node.int(name, default: 0)
    guard value == 0 || value == 1 else { throw node.error("attribute \(name) must be 0 or 1, got \(value)") }
    return value == 1
  }
}
