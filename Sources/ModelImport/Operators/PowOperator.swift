import Autodiff

/// ONNX `Pow`: with a constant scalar exponent (`x ** 2`, `x ** 0.5`) as Autodiff's `Pow`,
/// otherwise as `PowVariable` (broadcast).
enum PowOperator: OnnxOperator {
  static let opType = "Pow"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    if case .constant(let exponent, _)? = node.inputs[1], let value = exponent.scalar {
      return [.variable(try node.call(Pow(value), [node.variable(0)]))]
    }
    return try Elementwise.binary(node) { PowVariable() }
  }
}
