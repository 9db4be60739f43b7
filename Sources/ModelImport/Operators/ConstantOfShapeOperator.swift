import Autodiff

/// ONNX `ConstantOfShape`: a constant of the given (constant) shape filled with `value` (default 0).
enum ConstantOfShapeOperator: OnnxOperator {
  static let opType = "ConstantOfShape"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let shape = try node.integers(0, "shape")
    guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) <= 10_000_000 else {
      throw node.error("bad shape \(shape)")
    }
    let value = try node.tensor("value")?.scalars.first ?? 0
    return [.constant(Tensor(repeating: value, shape: shape), name: node.node.output.first ?? "")]
  }
}
