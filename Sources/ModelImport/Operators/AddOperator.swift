import Autodiff

/// ONNX `Add`: a + b, broadcast, as Autodiff's `Add`.
enum AddOperator: OnnxOperator {
  static let opType = "Add"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.binary(node) { Add() }
  }
}
