/// y = cos(x).
public final class Cos: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[−sin(x)]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `−sin(x)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [neg(sin(firstInput!)) * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "cos(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "−sin(\(names[0]))·gy" }
}

/// `Cos()(x)`: y = cos(x).
public func cos(_ x: Variable) -> Variable { Cos.deferredCall(x) }

extension Cos: DeferrableUnaryFunction {
  /// The instance whose arithmetic `cos` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Cos()

  /// cos(x): what `apply` computes for each element.
  static func value(at x: Double) -> Double { Double.cosine(x) }

  /// The local derivative −sin(x): the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { -Double.sine(x) }
}
