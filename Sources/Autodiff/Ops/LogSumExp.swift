/// y = log Σ exp(x) over all axes or the given ones, computed stably (logits of ±1000 stay finite).
public final class LogSumExp: AxisReduction {
  override func reducedKeepingDims(_ x: Tensor) -> Tensor {
    checked { () throws(ShapeError) in try x.logSumExp(axes: axes) }
  }

  /// softmax(x) over the axes times `gy` spread back: `exp(x − logsumexp(x))·gy`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let x = firstInput!.data
    return [(x - reducedKeepingDims(x)).map(Double.exponential) * spread(gys[0])]
  }

  /// `exp(x − logsumexp(x))·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let x = firstInput!
    return [exp(x - logSumExp(x, axes: axes, keepDims: true)) * spread(gys[0])]
  }

  /// `softmax(x)·gy`, gy spread back over the reduced axes.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "exp(\(names[0]) − logsumexp(\(names[0])))·\(spreadFormula)"
  }
}

/// `LogSumExp(axes:keepDims:)(x)`: log Σ exp(x), over all axes or the given ones.
public func logSumExp(_ x: Variable, axes: [Int]? = nil, keepDims: Bool = false) -> Variable {
  LogSumExp(axes: axes, keepDims: keepDims)(x)
}
