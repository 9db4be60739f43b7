/// A function that reduces its input along some axes (all when `axes` is `nil`), dropping them or
/// keeping them as length 1: the shared shape logic of `Mean`, `Max`, `Min` and `LogSumExp`.
/// Each input gradient is the output gradient spread back over the reduced axes, times a local
/// factor.
public class AxisReduction: Function {
  /// The axes reduced over (negative count from the end); `nil` for all.
  public let axes: [Int]?
  /// Whether reduced axes stay as length 1.
  public let keepDims: Bool

  /// A reduction over `axes` (all when `nil`).
  public init(axes: [Int]? = nil, keepDims: Bool = false) {
    self.axes = axes
    self.keepDims = keepDims
  }

  /// Whether reducing no elements is an error (the max of nothing is undefined) rather than a
  /// value (`mean`'s nan, `logsumexp`'s −∞), as PyTorch.
  var needsElements: Bool { false }

  /// The shape after reducing.
  ///
  /// - Throws: `ShapeError` when an axis is out of range or repeated, or is empty and the
  ///   reduction `needsElements`.
  override public final func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let shape = inputShapes[0]
    let reduced = try Tensor.reducedShape(shape, axes: axes, keepDims: keepDims, operation: name)
    if needsElements {
      let normalized = try Tensor.normalizedAxes(
        axes ?? Array(shape.indices), rank: shape.count, operation: name, shape: shape)
      if let empty = normalized.first(where: { shape[$0] == 0 }) {
        throw ShapeError(
          operation: name, shapes: [shape],
          reason: "axis \(empty) of shape \(formatShape(shape)) is empty, and the \(name.lowercased()) of no "
            + "elements is undefined")
      }
    }
    return [reduced]
  }

  /// The input's shape with the reduced axes as length 1.
  final var keptShape: [Int] {
    checked { () throws(ShapeError) in
      try Tensor.reducedShape(firstInput!.shape, axes: axes, keepDims: true, operation: name)
    }
  }

  /// The reduction of `x` with reduced axes kept as length 1.
  func reducedKeepingDims(_ x: Tensor) -> Tensor {
    preconditionFailure("\(name) must override reducedKeepingDims(_:)")
  }

  /// `reducedKeepingDims`, reshaped to drop the reduced axes unless `keepDims`.
  override public final func forward(_ xs: [Tensor]) -> [Tensor] {
    let kept = reducedKeepingDims(xs[0])
    return [
      keepDims
        ? kept
        : checked { () throws(ShapeError) in try kept.reshaped(try outputShapes(for: [xs[0].shape])[0]) }
    ]
  }

  /// `gy` reshaped to keep the reduced axes and broadcast back to the input's shape.
  final func spread(_ gy: Tensor) -> Tensor {
    checked { () throws(ShapeError) in try gy.reshaped(keptShape).broadcast(to: firstInput!.shape) }
  }

  /// `spread(_:)` on variables (recorded `Reshape` and `BroadcastTo`, skipped when not needed).
  final func spread(_ gy: Variable) -> Variable {
    let (kept, shape) = (keptShape, firstInput!.shape)
    let reshaped = gy.shape == kept ? gy : reshape(gy, kept)
    return kept == shape ? reshaped : broadcastTo(reshaped, shape)
  }

  /// `name(x)`, or `name(x, axes: [1])`, with `keepdims` when kept.
  override public func expression(_ names: [String]) -> String {
    var arguments = [names[0]]
    if let axes { arguments.append("axes: \(axes)") }
    if keepDims { arguments.append("keepdims") }
    return "\(name.lowercased())(\(arguments.joined(separator: ", ")))"
  }

  /// `gy` spread back over the reduced axes, as formulas write it.
  final var spreadFormula: String {
    "broadcast(gy, \(formatShape(inputs.first?.shape ?? [])))"
  }
}
