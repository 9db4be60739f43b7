/// y = x clamped to [lo, hi], with gradient 1 strictly between the bounds and 0 elsewhere, at the
/// bounds too, as PyTorch 2's `torch.clamp` with number bounds computes it.
public final class Clip: ElementwiseFunction {
  /// The lower bound.
  public let lo: Double
  /// The upper bound.
  public let hi: Double

  /// A clip to `[lo, hi]`.
  public init(lo: Double, hi: Double) {
    self.lo = lo
    self.hi = hi
  }

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor {
    let (lo, hi) = (lo, hi)
    return x.map { Swift.min(Swift.max($0, lo), hi) }
  }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1 where lo < x < hi, else 0]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [inside(x)] }

  /// `(lo < x < hi)·gy` on variables, the mask a constant.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [Variable(inside(firstInput!.data), name: "mask") * gys[0]]
  }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String {
    "clip(\(names[0]), \(formatConstant(lo)), \(formatConstant(hi)))"
  }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "(\(formatConstant(lo)) < \(names[0]) < \(formatConstant(hi)))·gy"
  }

  private func inside(_ x: Tensor) -> Tensor {
    let (lo, hi) = (lo, hi)
    return x.map { $0 > lo && $0 < hi ? 1 : 0 }
  }
}

/// `Clip(lo:hi:)(x)`: x clamped to [lo, hi].
public func clip(_ x: Variable, _ lo: Double, _ hi: Double) -> Variable { Clip(lo: lo, hi: hi)(x) }
