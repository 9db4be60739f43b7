import Autodiff

/// ONNX `Erf`, element by element, as Autodiff's `Erf`.
enum ErfOperator: OnnxOperator {
  static let opType = "Erf"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Erf() }
  }
}
