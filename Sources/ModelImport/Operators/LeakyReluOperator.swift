import Autodiff

/// ONNX `LeakyRelu` (`alpha`, default 0.01), as Autodiff's `LeakyReLU`.
enum LeakyReluOperator: OnnxOperator {
  static let opType = "LeakyRelu"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    let alpha = try node.float("alpha", default: 0.01)
    return try Elementwise.unary(node) { LeakyReLU(alpha: alpha) }
  }
}
