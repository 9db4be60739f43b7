import Autodiff

/// ONNX `PRelu` (`nn.PReLU`): x for x > 0, slope · x otherwise, the slope a parameter broadcast to
/// x, composed as relu(x) − slope · relu(−x) of `ReLU`, `Neg`, `Mul` and `Sub`.
enum PReluOperator: OnnxOperator {
  static let opType = "PRelu"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    let x = try node.variable(0)
    let slope = try node.variable(1)
    let negative = try node.call(ReLU(), [try node.call(Neg(), [x])])
    let leak = try node.call(Mul(), [slope, negative])
    return [.variable(try node.call(Sub(), [try node.call(ReLU(), [x]), leak]))]
  }
}
