/// y = the sum of x's elements, over all axes or the given ones (optionally keeping them as length 1).
public final class Sum: Function {
  /// The axes summed over; `nil` for all.
  public let axes: [Int]?
  /// Whether summed axes stay as length 1.
  public let keepDims: Bool

  /// A sum over `axes` (all when `nil`).
  public init(axes: [Int]? = nil, keepDims: Bool = false) {
    self.axes = axes
    self.keepDims = keepDims
  }

  /// The shape after summing.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try Tensor.sumShape(inputShapes[0], axes: axes, keepDims: keepDims)]
  }

  /// The sum.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].sum(axes: axes, keepDims: keepDims) }]
  }

  /// `gy` broadcast back to x's shape.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let shape = inputs[0].shape
    let kept = checked { () throws(ShapeError) in try Tensor.sumShape(shape, axes: axes, keepDims: true) }
    return [checked { () throws(ShapeError) in try gys[0].reshaped(kept).broadcast(to: shape) }]
  }

  /// `gy` broadcast back to x's shape, on variables (reshaped first to keep the summed axes).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let shape = firstInput!.shape
    let kept = checked { () throws(ShapeError) in try Tensor.sumShape(shape, axes: axes, keepDims: true) }
    let gy = gys[0].shape == kept ? gys[0] : reshape(gys[0], kept)
    return [kept == shape ? gy : broadcastTo(gy, shape)]
  }

  /// `sum(x)` or `sum(x, axes)`.
  override public func expression(_ names: [String]) -> String {
    guard let axes else { return "sum(\(names[0]))" }
    return "sum(\(names[0]), axes: \(axes))"
  }

  /// `gy` broadcast to x's shape.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "broadcast(gy, \(formatShape(inputs.first?.shape ?? [])))"
  }
}

/// `Sum(axes:keepDims:)(x)`: the sum of x's elements, over all axes or the given ones.
public func sum(_ x: Variable, axes: [Int]? = nil, keepDims: Bool = false) -> Variable {
  Sum(axes: axes, keepDims: keepDims)(x)
}
