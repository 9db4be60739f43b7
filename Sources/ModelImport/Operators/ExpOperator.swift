import Autodiff

/// ONNX `Exp`, element by element, as Autodiff's `Exp`.
enum ExpOperator: OnnxOperator {
  static let opType = "Exp"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Exp() }
  }
}
