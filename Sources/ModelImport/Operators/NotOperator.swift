import Autodiff

/// ONNX `Not`: the logical negation of a mask, a constant computed at import time.
enum NotOperator: OnnxOperator {
  static let opType = "Not"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try DataElementwise.unary(node) { $0 == 0 ? 1 : 0 }
  }
}
