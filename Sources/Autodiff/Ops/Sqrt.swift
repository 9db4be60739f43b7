/// y = √x.
public final class Sqrt: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1/(2√x)]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `1/(2√x)·gy` in one pass (the same arithmetic as the factors).
  override func inputGradient(_ x: Tensor, _ gy: Tensor) -> Tensor {
    checked { () throws(ShapeError) in
      try Tensor.elementwise(x, gy, operation: "Mul") { Self.derivative(at: $0) * $1 }
    }
  }

  /// `1/(2·sqrt(x))·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [(1 / (2 * sqrt(firstInput!))) * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "sqrt(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "1/(2·sqrt(\(names[0])))·gy"
  }
}

/// `Sqrt()(x)`: y = √x.
public func sqrt(_ x: Variable) -> Variable { Sqrt.deferredCall(x) }

extension Sqrt: DeferrableUnaryFunction {
  /// The instance whose arithmetic `sqrt` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Sqrt()

  /// √x: what `apply` computes for each element.
  static func value(at x: Double) -> Double { x.squareRoot() }

  /// The local derivative 1/(2√x): the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { 1 / (2 * x.squareRoot()) }
}
