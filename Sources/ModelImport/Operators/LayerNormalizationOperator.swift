import Autodiff

/// ONNX `LayerNormalization` (the Y output): (x − mean) / sqrt(var + epsilon) · scale + bias over
/// the axes from `axis` on, composed of `Mean`, `Sub`, `Square`, `Add`, `Sqrt`, `Div`, `Mul`.
enum LayerNormalizationOperator: OnnxOperator {
  static let opType = "LayerNormalization"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    guard node.node.output.count == 1 else { throw node.error("only the Y output is supported") }
    let x = try node.variable(0)
    let first = try node.axis(try node.int("axis", default: -1), rank: x.shape.count)
    let epsilon = try node.float("epsilon", default: 1e-5)
    _ = try node.int("stash_type", default: 1)
    let axes = Array(first..<x.shape.count)
    let centred = try node.call(Sub(), [x, try node.call(Mean(axes: axes, keepDims: true), [x])])
    let variance = try node.call(Mean(axes: axes, keepDims: true), [try node.call(Square(), [centred])])
    let shifted = try node.call(Add(), [variance, Variable(Tensor(epsilon), name: formatConstant(epsilon))])
    var y = try node.call(Div(), [centred, try node.call(Sqrt(), [shifted])])
    y = try node.call(Mul(), [y, try node.variable(1)])
    if node.has(2) { y = try node.call(Add(), [y, try node.variable(2)]) }
    return [.variable(y)]
  }
}
