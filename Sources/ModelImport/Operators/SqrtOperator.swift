import Autodiff

/// ONNX `Sqrt`, element by element, as Autodiff's `Sqrt`.
enum SqrtOperator: OnnxOperator {
  static let opType = "Sqrt"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Sqrt() }
  }
}
