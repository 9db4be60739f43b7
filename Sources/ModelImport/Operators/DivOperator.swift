import Autodiff

/// ONNX `Div`: a / b, broadcast, as Autodiff's `Div`.
enum DivOperator: OnnxOperator {
  static let opType = "Div"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.binary(node) { Div() }
  }
}
