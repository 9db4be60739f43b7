import Autodiff

/// ONNX `Tanh`, element by element, as Autodiff's `Tanh`.
enum TanhOperator: OnnxOperator {
  static let opType = "Tanh"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Tanh() }
  }
}
