/// y = exp(x) / Σ exp(x) along one axis, computed stably (logits of ±1000 stay finite).
public final class Softmax: AxisNormalization {
  /// A softmax along `axis`.
  override public init(axis: Int = -1) {
    super.init(axis: axis)
  }

  /// The softmax.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].softmax(axis: axis) }]
  }

  /// `p·(gy − Σ p·gy)`, p the softmax of x.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let p = forward([firstInput!.data])[0]
    let weighted = p * gys[0]
    return [weighted - p * weighted.sumKeepingDims(axes: [axis])]
  }

  /// `p·(gy − Σ p·gy)` on variables, p recomputed from x (so that it is differentiable).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let p = softmax(firstInput!, axis: axis)
    let weighted = p * gys[0]
    return [weighted - p * sum(weighted, axes: [axis], keepDims: true)]
  }

  /// `softmax(x, axis)`.
  override public func expression(_ names: [String]) -> String { "softmax(\(names[0]), \(axis))" }

  /// `p·(gy − Σ p·gy)`.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "p·(gy − Σ p·gy), p = softmax(\(names[0]), \(axis))"
  }
}

/// y = x − log Σ exp(x) along one axis, computed stably.
public final class LogSoftmax: AxisNormalization {
  /// A log-softmax along `axis`.
  override public init(axis: Int = -1) {
    super.init(axis: axis)
  }

  /// The log-softmax.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [xs[0] - checked { () throws(ShapeError) in try xs[0].logSumExp(axes: [axis]) }]
  }

  /// `gy − p·Σ gy`, p the softmax of x.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let p = checked { () throws(ShapeError) in try firstInput!.data.softmax(axis: axis) }
    return [gys[0] - p * gys[0].sumKeepingDims(axes: [axis])]
  }

  /// `gy − p·Σ gy` on variables, p recomputed from x.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [gys[0] - softmax(firstInput!, axis: axis) * sum(gys[0], axes: [axis], keepDims: true)]
  }

  /// `log_softmax(x, axis)`.
  override public func expression(_ names: [String]) -> String { "log_softmax(\(names[0]), \(axis))" }

  /// `gy − p·Σ gy`.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "gy − p·Σ gy, p = softmax(\(names[0]), \(axis))"
  }
}

/// `Softmax(axis:)(x)`: exp(x) / Σ exp(x) along `axis`.
public func softmax(_ x: Variable, axis: Int = -1) -> Variable { Softmax(axis: axis)(x) }

/// `LogSoftmax(axis:)(x)`: x − log Σ exp(x) along `axis`.
public func logSoftmax(_ x: Variable, axis: Int = -1) -> Variable { LogSoftmax(axis: axis)(x) }
