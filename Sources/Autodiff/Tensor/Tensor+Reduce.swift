extension Tensor {
  /// The shape a reduction over `axes` (all when `nil`) leaves: reduced axes dropped, or kept as
  /// length 1 with `keepDims`.
  ///
  /// - Throws: `ShapeError` naming `operation` when an axis is out of range or repeated.
  public static func reducedShape(_ shape: [Int], axes: [Int]?, keepDims: Bool, operation: String)
    throws(ShapeError) -> [Int]
  {
    let reduced = try normalizedAxes(
      axes ?? Array(shape.indices), rank: shape.count, operation: operation, shape: shape)
    if keepDims { return shape.indices.map { reduced.contains($0) ? 1 : shape[$0] } }
    return shape.indices.filter { !reduced.contains($0) }.map { shape[$0] }
  }

  /// For each element of a tensor of `shape`, in row-major order, the row-major position in the
  /// reduced tensor of shape `kept` (`shape` with reduced axes as length 1) that it reduces into.
  static func reductionTargets(of shape: [Int], into kept: [Int]) -> [Int] {
    let keptStrides = Tensor(repeating: 0, shape: kept).broadcastStrides(to: shape)
    var targets = [Int]()
    targets.reserveCapacity(elementCount(of: shape))
    Tensor(repeating: 0, shape: shape).forEachOffset(of: shape, strides: keptStrides) { targets.append($0) }
    return targets
  }

  /// The elements combined along `axes` (all when `nil`), starting from `initial`, with reduced
  /// axes kept as length 1 (reshape to drop them).
  ///
  /// - Throws: `ShapeError` naming `operation` when an axis is out of range or repeated.
  public func reduced(
    axes: [Int]?, operation: String, initial: Double, _ combine: (Double, Double) -> Double
  ) throws(ShapeError) -> Tensor {
    let kept = try Tensor.reducedShape(shape, axes: axes, keepDims: true, operation: operation)
    var values = Array(repeating: initial, count: Tensor.elementCount(of: kept))
    let source = scalars
    for (position, target) in Tensor.reductionTargets(of: shape, into: kept).enumerated() {
      values[target] = combine(values[target], source[position])
    }
    return Tensor(shape: kept, scalars: values)
  }

  /// For each element, `1/k` when it equals the extreme of its reduction (`extremes`, of the kept
  /// shape) and `k` elements share that value, otherwise 0: where an extreme's gradient goes.
  func tieSplitMask(extremes: Tensor) -> Tensor {
    let targets = Tensor.reductionTargets(of: shape, into: extremes.shape)
    let (source, best) = (scalars, extremes.scalars)
    var ties = Array(repeating: 0.0, count: best.count)
    for (position, target) in targets.enumerated() where source[position] == best[target] {
      ties[target] += 1
    }
    let mask = targets.enumerated().map { position, target in
      source[position] == best[target] ? 1 / ties[target] : 0
    }
    return Tensor(shape: shape, scalars: mask)
  }

  /// log Σ exp along `axes` (all when `nil`), with reduced axes kept as length 1; computed as
  /// m + log Σ exp(x − m) with m the maximum, so that large logits neither overflow nor underflow.
  ///
  /// - Throws: `ShapeError` when an axis is out of range or repeated.
  public func logSumExp(axes: [Int]?) throws(ShapeError) -> Tensor {
    let peak = try reduced(axes: axes, operation: "LogSumExp", initial: -.infinity) { Swift.max($0, $1) }
      .map { $0.isFinite ? $0 : 0 }
    let total = (self - peak).map(Double.exponential).sumKeepingDims(axes: axes)
    return total.map(Double.logarithm) + peak
  }

  /// The softmax along `axis`: exp(x − logsumexp(x)), stable for large logits.
  ///
  /// - Throws: `ShapeError` when the axis is out of range.
  public func softmax(axis: Int) throws(ShapeError) -> Tensor {
    (self - (try logSumExp(axes: [axis]))).map(Double.exponential)
  }

  /// The sum along `axes` (all when `nil`, which must be valid), reduced axes kept as length 1.
  func sumKeepingDims(axes: [Int]?) -> Tensor {
    checked { () throws(ShapeError) in try sum(axes: axes ?? Array(shape.indices), keepDims: true) }
  }
}
