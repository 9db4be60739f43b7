/// y = x for x > 0, alpha·x otherwise, the leaky rectified linear unit.
public final class LeakyReLU: ElementwiseFunction {
  /// The slope for negative x.
  public let alpha: Double

  /// A leaky ReLU with slope `alpha` below 0 (PyTorch's default: 0.01).
  public init(alpha: Double = 0.01) {
    self.alpha = alpha
  }

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map { $0 > 0 ? $0 : alpha * $0 } }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1 where x > 0, else alpha]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [slopes(x)] }

  /// `slope·gy` on variables, the slopes a constant (their derivative is 0 almost everywhere).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [Variable(slopes(firstInput!.data), name: "slope") * gys[0]]
  }

  /// `leaky_relu(x)`.
  override public func expression(_ names: [String]) -> String {
    "leaky_relu(\(names[0]), \(formatConstant(alpha)))"
  }

  /// The local gradient in symbols.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "(\(names[0]) > 0 ? 1 : \(formatConstant(alpha)))·gy"
  }

  private func slopes(_ x: Tensor) -> Tensor { x.map { $0 > 0 ? 1 : alpha } }
}

/// `LeakyReLU(alpha:)(x)`.
public func leakyRelu(_ x: Variable, alpha: Double = 0.01) -> Variable { LeakyReLU(alpha: alpha)(x) }
