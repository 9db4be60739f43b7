/// y = σ(x) = 1/(1 + e⁻ˣ), the logistic sigmoid.
public final class Sigmoid: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[σ(x)·(1 − σ(x))]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `σ(x)·(1 − σ(x))·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let s = sigmoid(firstInput!)
    return [s * (1 - s) * gys[0]]
  }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "sigmoid(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "σ(\(names[0]))·(1 − σ(\(names[0])))·gy"
  }
}

/// `Sigmoid()(x)`: y = σ(x) = 1/(1 + e⁻ˣ), the logistic sigmoid.
public func sigmoid(_ x: Variable) -> Variable { Sigmoid.deferredCall(x) }

/// The logistic function 1/(1 + e⁻ˣ), computed without overflow for large |x|.
func logistic(_ x: Double) -> Double {
  x >= 0 ? 1 / (1 + Double.exponential(-x)) : Double.exponential(x) / (1 + Double.exponential(x))
}

extension Sigmoid: DeferrableUnaryFunction {
  /// The instance whose arithmetic `sigmoid` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Sigmoid()

  /// σ(x): what `apply` computes for each element.
  static func value(at x: Double) -> Double { logistic(x) }

  /// The local derivative σ(x)·(1 − σ(x)): the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { logistic(x) * (1 - logistic(x)) }
}
