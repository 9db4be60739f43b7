import Autodiff

/// ONNX `Pow` with a constant scalar exponent (`x ** 2`, `x ** 0.5`), as Autodiff's `Pow`.
enum PowOperator: OnnxOperator {
  static let opType = "Pow"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    let exponent = try node.constant(1, "exponent")
    guard let value = exponent.scalar else {
      throw node.error("the exponent must be a single number, got shape \(formatShape(exponent.shape))")
    }
    return [.variable(try node.call(Pow(value), [node.variable(0)]))]
  }
}
