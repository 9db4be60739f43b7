import Autodiff

/// ONNX `HardSigmoid`: clip(alpha · x + beta, 0, 1) (alpha 0.2 and beta 0.5 by default; PyTorch's
/// `hardsigmoid` exports alpha 1/6), composed of `Mul`, `Add` and `Clip`.
enum HardSigmoidOperator: OnnxOperator {
  static let opType = "HardSigmoid"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let alpha = try node.float("alpha", default: 0.2)
    let beta = try node.float("beta", default: 0.5)
    let x = try node.variable(0)
    let scaled = try node.call(Mul(), [x, Variable(Tensor(alpha), name: formatConstant(alpha))])
    let shifted = try node.call(Add(), [scaled, Variable(Tensor(beta), name: formatConstant(beta))])
    return [.variable(try node.call(Clip(lo: 0, hi: 1), [shifted]))]
  }
}
