import Autodiff

/// ONNX `Relu`, element by element, as Autodiff's `ReLU`.
enum ReluOperator: OnnxOperator {
  static let opType = "Relu"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { ReLU() }
  }
}
