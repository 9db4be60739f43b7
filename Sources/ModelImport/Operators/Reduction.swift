import Autodiff

/// The shared shape of ONNX reductions (`ReduceSum`, `ReduceMean`, `ReduceMax`): axes as an
/// attribute or an input (all when absent), `keepdims` (default 1), `noop_with_empty_axes`.
enum Reduction {
  /// `make(axes, keepDims)` applied to input 0.
  static func map(_ node: inout NodeContext, _ make: ([Int], Bool) -> Function) throws(ModelImportError)
    -> [Value]
  {
    try node.expectInputs(1, 2)
    let x = try node.variable(0)
    let keepDims = try node.int("keepdims", default: 1) != 0
    let noopWhenEmpty = try node.int("noop_with_empty_axes", default: 0) != 0
    let axes = try node.axes(input: 1, rank: x.shape.count) ?? []
    if axes.isEmpty, noopWhenEmpty { return [.variable(x)] }
    return [.variable(try node.call(make(axes.isEmpty ? Array(x.shape.indices) : axes, keepDims), [x]))]
  }
}
