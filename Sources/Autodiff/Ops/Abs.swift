/// y = |x|, with gradient sign(x) (0 at 0, as PyTorch).
public final class Abs: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map { $0.magnitude } }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[sign(x)]`, 0 at 0.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [Abs.sign(x)] }

  /// `sign(x)·gy` on variables, the sign a constant (its derivative is 0 almost everywhere).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [Variable(Abs.sign(firstInput!.data), name: "sign") * gys[0]]
  }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "abs(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "sign(\(names[0]))·gy" }

  private static func sign(_ x: Tensor) -> Tensor { x.map { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 } }
}

/// `Abs()(x)`: y = |x| (named so as not to hide Swift's `abs`).
public func absolute(_ x: Variable) -> Variable { Abs()(x) }
