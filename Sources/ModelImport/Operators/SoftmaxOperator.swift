import Autodiff

/// ONNX `Softmax` along `axis` (default -1, the opset 13 meaning), as Autodiff's `Softmax`.
enum SoftmaxOperator: OnnxOperator {
  static let opType = "Softmax"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let x = try node.variable(0)
    let axis = try node.axis(try node.int("axis", default: -1), rank: x.shape.count)
    return [.variable(try node.call(Softmax(axis: axis), [x]))]
  }
}
