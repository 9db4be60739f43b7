import Autodiff

/// ONNX `Gelu` (opset 20): ½·x·(1 + erf(x/√2)), or with `approximate="tanh"`
/// ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))); composed of `Mul`, `Add`, `Erf` or `Tanh` and `Pow`.
enum GeluOperator: OnnxOperator {
  static let opType = "Gelu"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let approximate = try node.string("approximate", default: "none")
    let x = try node.variable(0)
    let inner: Variable
    switch approximate {
    case "none":
      inner = try node.call(Erf(), [try node.call(Mul(), [x, constant(1 / 2.0.squareRoot())])])
    case "tanh":
      let cubic = try node.call(Mul(), [try node.call(Pow(3), [x]), constant(0.044715)])
      let scaled = try node.call(
        Mul(), [try node.call(Add(), [x, cubic]), constant((2 / Double.pi).squareRoot())])
      inner = try node.call(Tanh(), [scaled])
    default:
      throw node.error("approximate \"\(approximate)\" is not supported (none or tanh)")
    }
    let half = try node.call(Mul(), [x, constant(0.5)])
    return [.variable(try node.call(Mul(), [half, try node.call(Add(), [inner, constant(1)])]))]
  }

  /// A constant leaf named by its value.
  private static func constant(_ value: Double) -> Variable {
    Variable(Tensor(value), name: formatConstant(value))
  }
}
