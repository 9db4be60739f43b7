import Autodiff

/// ONNX `HardSwish` (MobileNetV3's activation): x · clip(x + 3, 0, 6) / 6, composed of `Add`,
/// `Clip`, `Mul` and `Div` (its gradient, x/3 + ½ between −3 and 3, is PyTorch's).
enum HardSwishOperator: OnnxOperator {
  static let opType = "HardSwish"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let x = try node.variable(0)
    let shifted = try node.call(Add(), [x, Variable(Tensor(3), name: "3")])
    let gate = try node.call(Clip(lo: 0, hi: 6), [shifted])
    let product = try node.call(Mul(), [x, gate])
    return [.variable(try node.call(Div(), [product, Variable(Tensor(6), name: "6")]))]
  }
}
