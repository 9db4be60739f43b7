/// y = sin(x).
public final class Sin: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[cos(x)]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `cos(x)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [cos(firstInput!) * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "sin(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "cos(\(names[0]))·gy" }
}

/// `Sin()(x)`: y = sin(x).
public func sin(_ x: Variable) -> Variable { Sin.deferredCall(x) }

extension Sin: DeferrableUnaryFunction {
  /// The instance whose arithmetic `sin` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Sin()

  /// sin(x): what `apply` computes for each element.
  static func value(at x: Double) -> Double { Double.sine(x) }

  /// The local derivative cos(x): the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { Double.cosine(x) }
}
