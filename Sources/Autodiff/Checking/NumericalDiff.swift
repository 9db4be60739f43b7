/// The seed's `numerical_diff`: the central difference `(f(x + eps) − f(x − eps)) / (2·eps)`.
///
/// Every element of `x` is shifted at once, exactly as the seed does, so for a scalar `x` this is
/// the derivative; for tensors use `gradientCheck` for per-element derivatives.
public func numericalDiff(_ f: (Variable) -> Variable, _ x: Variable, eps: Double = 1e-6) -> Tensor {
  let x0 = Variable(x.data - eps)
  let x1 = Variable(x.data + eps)
  let y0 = f(x0)
  let y1 = f(x1)
  return (y1.data - y0.data) / (2 * eps)
}

/// `numericalDiff` with a function object, as the seed's `numerical_diff(Square(), x)`.
public func numericalDiff(_ f: Function, _ x: Variable, eps: Double = 1e-6) -> Tensor {
  numericalDiff({ f($0) }, x, eps: eps)
}
