import Autodiff

/// ONNX `Slice` with constant starts, ends, axes and steps, as Autodiff's `GetItem` with slices.
enum SliceOperator: OnnxOperator {
  static let opType = "Slice"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(3, 5)
    let x = try node.variable(0)
    let starts = try node.integers(1, "starts")
    let ends = try node.integers(2, "ends")
    let axes = node.has(3) ? try node.integers(3, "axes") : Array(starts.indices)
    let steps = node.has(4) ? try node.integers(4, "steps") : starts.map { _ in 1 }
    guard starts.count == ends.count, axes.count == starts.count, steps.count == starts.count else {
      throw node.error("starts, ends, axes and steps must have the same length")
    }
    var items = Array(repeating: IndexItem.all, count: x.shape.count)
    for (k, axis) in axes.enumerated() {
      let resolved = try node.axis(axis, rank: x.shape.count)
      items[resolved] = .slice(start: clamp(starts[k]), stop: clamp(ends[k]), step: steps[k])
    }
    return [.variable(try node.call(GetItem(items), [x]))]
  }

  /// ONNX writes "to the end" as ±2⁶³−1; Python slices clamp any large bound the same way.
  private static func clamp(_ bound: Int) -> Int { min(max(bound, -(1 << 40)), 1 << 40) }
}
