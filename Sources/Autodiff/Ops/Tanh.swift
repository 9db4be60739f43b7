/// y = tanh(x).
public final class Tanh: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1 − tanh(x)²]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

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

extension Tanh: DeferrableUnaryFunction {
  /// The instance whose arithmetic `tanh` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Tanh()

  /// tanh(x): what `apply` computes for each element.
  static func value(at x: Double) -> Double { Double.hyperbolicTangent(x) }

  /// The local derivative 1 − tanh(x)²: the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double {
    1 - Double.hyperbolicTangent(x) * Double.hyperbolicTangent(x)
  }
}
