import Autodiff

/// ONNX `Sub`: a − b, broadcast, as Autodiff's `Sub`.
enum SubOperator: OnnxOperator {
  static let opType = "Sub"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.binary(node) { Sub() }
  }
}
