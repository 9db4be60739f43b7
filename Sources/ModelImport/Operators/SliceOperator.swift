import Autodiff

/// ONNX `Slice` with constant starts, ends, axes and steps, as Autodiff's `GetItem` with slices.
enum SliceOperator: OnnxOperator {
  static let opType = "Slice"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(3, 5)
    let x = try node.variable(0)
    let starts = try bounds(node, 1, "starts")
    let ends = try bounds(node, 2, "ends")
    let axes = node.has(3) ? try node.integers(3, "axes") : Array(starts.indices)
    let steps = node.has(4) ? try node.integers(4, "steps") : starts.map { _ in 1 }
    guard starts.count == ends.count, axes.count == starts.count, steps.count == starts.count else {
      throw node.error("starts, ends, axes and steps must have the same length")
    }
    var items = Array(repeating: IndexItem.all, count: x.shape.count)
    for (k, axis) in axes.enumerated() {
      let resolved = try node.axis(axis, rank: x.shape.count)
      items[resolved] = .slice(start: starts[k], stop: ends[k], step: steps[k])
    }
    return [.variable(try node.call(GetItem(items), [x]))]
  }

  /// Input `index`'s bounds, clamped to ±2⁴⁰: ONNX writes "to the end" as ±2⁶³−1 (which a Double
  /// holds only approximately), and Python slices clamp any large bound the same way.
  private static func bounds(_ node: NodeContext, _ index: Int, _ what: String) throws(ModelImportError)
    -> [Int]
  {
    let limit = Double(1 << 40)
    let values = try node.constant(index, what).scalars.map { min(max($0, -limit), limit) }
    return try NodeContext.integers(values, what: what, context: node)
  }
}
