/// y = −x.
public final class Neg: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

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

extension Neg: DeferrableUnaryFunction {
  /// The instance whose arithmetic `neg` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Neg()

  /// −x: what `apply` computes for each element.
  static func value(at x: Double) -> Double { -x }

  /// The local derivative −1: the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { -1 }
}
