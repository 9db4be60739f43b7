import Autodiff

/// ONNX `And`: logical and of two masks, with broadcasting, a constant computed at import time (no gradient flows through it).
enum AndOperator: OnnxOperator {
  static let opType = "And"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try DataElementwise.binary(node) { DataElementwise.bool($0 != 0 && $1 != 0) }
  }
}
