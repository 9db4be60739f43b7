/// y = tanh(x).
public final class Tanh: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Double.hyperbolicTangent) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1 − tanh(x)²]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] {
    [x.map { 1 - Double.hyperbolicTangent($0) * Double.hyperbolicTangent($0) }]
  }

  /// `(1 − tanh(x)²)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [(1 - square(tanh(firstInput!))) * gys[0]]
  }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "tanh(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "(1 − tanh(\(names[0]))²)·gy"
  }
}

/// `Tanh()(x)`: y = tanh(x).
public func tanh(_ x: Variable) -> Variable { Tanh.deferredCall(x) }

extension Tanh: DeferrableFunction {
  /// The instance whose arithmetic `tanh` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Tanh()
}
