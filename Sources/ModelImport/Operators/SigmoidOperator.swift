import Autodiff

/// ONNX `Sigmoid`, element by element, as Autodiff's `Sigmoid`.
enum SigmoidOperator: OnnxOperator {
  static let opType = "Sigmoid"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Sigmoid() }
  }
}
