import Autodiff

/// ONNX `Mul`: a · b, broadcast, as Autodiff's `Mul`.
enum MulOperator: OnnxOperator {
  static let opType = "Mul"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.binary(node) { Mul() }
  }
}
