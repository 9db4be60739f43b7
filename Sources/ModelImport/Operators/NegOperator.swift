import Autodiff

/// ONNX `Neg`, element by element, as Autodiff's `Neg`.
enum NegOperator: OnnxOperator {
  static let opType = "Neg"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Neg() }
  }
}
