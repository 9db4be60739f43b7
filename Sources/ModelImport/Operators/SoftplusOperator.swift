import Autodiff

/// ONNX `Softplus`: log(1 + exp(x)), composed stably as relu(x) + log(1 + exp(−|x|)) of `ReLU`,
/// `Abs`, `Neg`, `Exp`, `Add` and `Log` (its gradient is sigmoid(x)).
enum SoftplusOperator: OnnxOperator {
  static let opType = "Softplus"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let x = try node.variable(0)
    let decay = try node.call(Exp(), [try node.call(Neg(), [try node.call(Abs(), [x])])])
    let tail = try node.call(Log(), [try node.call(Add(), [Variable(Tensor(1), name: "1"), decay])])
    return [.variable(try node.call(Add(), [try node.call(ReLU(), [x]), tail]))]
  }
}
