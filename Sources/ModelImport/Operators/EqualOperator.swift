import Autodiff

/// ONNX `Equal`: x == y, element by element with broadcasting (1 or 0), a constant computed at import time (no gradient flows through it).
enum EqualOperator: OnnxOperator {
  static let opType = "Equal"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try DataElementwise.binary(node) { DataElementwise.bool($0 == $1) }
  }
}
