import Autodiff

/// ONNX `MaxPool` in 2-d (the values output only), as Autodiff's `MaxPool2D`. `storage_order`
/// orders only the Indices output, so it does not change the values.
enum MaxPoolOperator: OnnxOperator {
  static let opType = "MaxPool"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    guard node.node.output.count == 1 else { throw node.error("output 1 (Indices) is not supported") }
    let order = try node.int("storage_order", default: 0)
    guard order == 0 || order == 1 else {
      throw node.error("attribute storage_order \(order) must be 0 or 1")
    }
    let x = try node.variable(0)
    return [.variable(try node.call(MaxPool2D(try node.window(over: x, pooling: true)), [x]))]
  }
}
