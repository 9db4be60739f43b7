import Autodiff

/// ONNX `Log`, element by element, as Autodiff's `Log`.
enum LogOperator: OnnxOperator {
  static let opType = "Log"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Elementwise.unary(node) { Log() }
  }
}
