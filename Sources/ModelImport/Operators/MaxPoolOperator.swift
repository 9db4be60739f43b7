import Autodiff

/// ONNX `MaxPool` in 2-d (the values output only), as Autodiff's `MaxPool2D`.
enum MaxPoolOperator: OnnxOperator {
  static let opType = "MaxPool"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    guard node.node.output.count == 1 else { throw node.error("the Indices output is not supported") }
    guard try node.int("storage_order", default: 0) == 0 else {
      throw node.error("storage_order 1 is not supported")
    }
    let x = try node.image()
    return [.variable(try node.call(MaxPool2D(try node.window()), [x]))]
  }
}
