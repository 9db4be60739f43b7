/// ONNX `Identity`: the input, passed on.
enum IdentityOperator: OnnxOperator {
  static let opType = "Identity"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    return [node.inputs[0]!]
  }
}
