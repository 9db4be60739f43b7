import Autodiff

/// ONNX `Elu`: x for x > 0, alpha · (exp(x) − 1) otherwise, composed as
/// relu(x) + alpha · (exp(clip(x, −∞, 0)) − 1) of `ReLU`, `Clip`, `Exp`, `Sub`, `Mul` and `Add`
/// (the clip keeps exp from overflowing on the side it does not use).
enum EluOperator: OnnxOperator {
  static let opType = "Elu"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let alpha = try node.float("alpha", default: 1)
    let x = try node.variable(0)
    let negative = try node.call(Clip(lo: -.infinity, hi: 0), [x])
    let curve = try node.call(Sub(), [try node.call(Exp(), [negative]), Variable(Tensor(1), name: "1")])
    let scaled = try node.call(Mul(), [Variable(Tensor(alpha), name: formatConstant(alpha)), curve])
    return [.variable(try node.call(Add(), [try node.call(ReLU(), [x]), scaled]))]
  }
}
