/// y = −x.
public final class Neg: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { -x }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[−1]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [Tensor(-1)] }

  /// `−gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [neg(gys[0])] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "−\(names[0])" }

  /// The local gradient in symbols.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "−gy" }
}

/// `Neg()(x)`: y = −x.
public func neg(_ x: Variable) -> Variable { Neg.deferredCall(x) }

extension Neg: DeferrableFunction {
  /// The instance whose arithmetic `neg` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Neg()
}
