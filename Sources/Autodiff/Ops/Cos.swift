/// y = cos(x).
public final class Cos: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Double.cosine) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[−sin(x)]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map { -Double.sine($0) }] }

  /// `−sin(x)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [neg(sin(firstInput!)) * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "cos(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "−sin(\(names[0]))·gy" }
}

/// `Cos()(x)`: y = cos(x).
public func cos(_ x: Variable) -> Variable { Cos.deferredCall(x) }

extension Cos: DeferrableFunction {
  /// The instance whose arithmetic `cos` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Cos()
}
