import Autodiff

/// ONNX `Clip` (`clamp`, `ReLU6`, `Hardtanh`): x clamped to the constant `min` and `max` (inputs
/// since opset 11, attributes before; each unbounded when absent), as Autodiff's `Clip`.
enum ClipOperator: OnnxOperator {
  static let opType = "Clip"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 3)
    var lo = try node.float("min", default: -.infinity)
    var hi = try node.float("max", default: .infinity)
    if node.has(1) { lo = try bound(node, 1, "min") }
    if node.has(2) { hi = try bound(node, 2, "max") }
    return [.variable(try node.call(Clip(lo: lo, hi: hi), [try node.variable(0)]))]
  }

  /// Input `index`, a constant scalar.
  private static func bound(_ node: NodeContext, _ index: Int, _ what: String) throws(ModelImportError)
    -> Double
  {
    let tensor = try node.constant(index, what)
    guard tensor.count == 1 else { throw node.error("input \(index) (\(what)) must be a scalar") }
    return tensor.scalars[0]
  }
}
