import Autodiff

/// ONNX `Or`: logical or of two masks, with broadcasting, a constant computed at import time (no gradient flows through it).
enum OrOperator: OnnxOperator {
  static let opType = "Or"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try DataElementwise.binary(node) { DataElementwise.bool($0 != 0 || $1 != 0) }
  }
}
