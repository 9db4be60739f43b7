/// y = xᶜ for a constant exponent c.
public final class Pow: ElementwiseFunction {
  /// The constant exponent.
  public let exponent: Double

  /// A power function with the given constant exponent.
  public init(_ exponent: Double) {
    self.exponent = exponent
  }

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.power(exponent) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[c, xᶜ⁻¹]`; `[0]` for c = 0, whose derivative is 0 everywhere, even at x = 0 where
  /// 0·x⁻¹ would be 0·∞ = nan.
  override public func localDerivative(_ x: Tensor) -> [Tensor] {
    exponent == 0 ? [Tensor(repeating: 0, shape: x.shape)] : [Tensor(exponent), x.power(exponent - 1)]
  }

  /// `c·x^(c−1)·gy` in one pass (the same arithmetic as the factors).
  override func inputGradient(_ x: Tensor, _ gy: Tensor) -> Tensor {
    let (exponent, lower) = (self.exponent, self.exponent - 1)
    return checked { () throws(ShapeError) in
      try Tensor.elementwise(x, gy, operation: "Mul") {
        exponent == 0 ? 0 * $1 : exponent * (lower == 2 ? $0 * $0 : Double.power($0, lower)) * $1
      }
    }
  }

  /// `c·x^(c−1)·gy` on variables; `0·gy` for c = 0 (exact at x = 0, so every higher derivative
  /// of an integer power is exact there too).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    exponent == 0 ? [0 * gys[0]] : [exponent * pow(firstInput!, exponent - 1) * gys[0]]
  }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "\(names[0])^\(formatConstant(exponent))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    exponent == 0 ? "0·gy" : "\(formatConstant(exponent))·\(names[0])^\(formatConstant(exponent - 1))·gy"
  }
}

/// `Pow(c)(x)`: y = xᶜ for a constant exponent c.
public func pow(_ x: Variable, _ exponent: Double) -> Variable { Pow(exponent)(x) }
