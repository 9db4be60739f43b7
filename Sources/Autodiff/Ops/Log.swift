/// y = ln(x), the natural logarithm.
public final class Log: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1/x]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `(1/x)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [(1 / firstInput!) * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "log(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "(1/\(names[0]))·gy" }
}

/// `Log()(x)`: y = ln(x), the natural logarithm.
public func log(_ x: Variable) -> Variable { Log.deferredCall(x) }

extension Log: DeferrableUnaryFunction {
  /// The instance whose arithmetic `log` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Log()

  /// log(x): what `apply` computes for each element.
  static func value(at x: Double) -> Double { Double.logarithm(x) }

  /// The local derivative 1/x: the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { 1 / x }
}
