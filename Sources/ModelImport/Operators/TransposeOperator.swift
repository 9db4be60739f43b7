import Autodiff

/// ONNX `Transpose` (`perm`, default: reverse the axes), as Autodiff's `Transpose`.
enum TransposeOperator: OnnxOperator {
  static let opType = "Transpose"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let x = try node.variable(0)
    let perm = try node.ints("perm")
    if let perm, perm.sorted() != Array(x.shape.indices) {
      throw node.error("perm \(perm) is not a permutation of the axes of \(formatShape(x.shape))")
    }
    return [.variable(try node.call(Transpose(perm), [x]))]
  }
}
