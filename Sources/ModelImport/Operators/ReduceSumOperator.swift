import Autodiff

/// ONNX `ReduceSum` (axes as an attribute or an input; `keepdims`, `noop_with_empty_axes`), as
/// Autodiff's `Sum`.
enum ReduceSumOperator: OnnxOperator {
  static let opType = "ReduceSum"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 2)
    let x = try node.variable(0)
    let keepDims = try node.int("keepdims", default: 1) != 0
    let noopWhenEmpty = try node.int("noop_with_empty_axes", default: 0) != 0
    let axes = try node.axes(input: 1, rank: x.shape.count)
    if axes?.isEmpty ?? true, noopWhenEmpty { return [.variable(x)] }
    let all = axes?.isEmpty ?? true ? Array(x.shape.indices) : axes!
    return [.variable(try node.call(Sum(axes: all, keepDims: keepDims), [x]))]
  }
}
