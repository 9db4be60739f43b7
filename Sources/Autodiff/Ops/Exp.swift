/// y = eˣ, as the seed's `Exp`.
public final class Exp: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[exp(x)]`: d(eˣ)/dx = eˣ.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `exp(x)·gy` in one pass (the same arithmetic as the factors).
  override func inputGradient(_ x: Tensor, _ gy: Tensor) -> Tensor {
    checked { () throws(ShapeError) in
      try Tensor.elementwise(x, gy, operation: "Mul") { Self.derivative(at: $0) * $1 }
    }
  }

  /// `exp(x)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [exp(firstInput!) * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "exp(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "exp(\(names[0]))·gy" }
}

/// `Exp()(x)`: y = eˣ, as the seed's `Exp`.
public func exp(_ x: Variable) -> Variable { Exp.deferredCall(x) }

extension Exp: DeferrableUnaryFunction {
  /// The instance whose arithmetic `exp` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Exp()

  /// eˣ: what `apply` computes for each element.
  static func value(at x: Double) -> Double { Double.exponential(x) }

  /// The local derivative eˣ: the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { Double.exponential(x) }
}
