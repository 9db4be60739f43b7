/// y = max(x, 0), the rectified linear unit.
public final class ReLU: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[1 where x > 0, else 0]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [x.map(Self.derivative(at:))] }

  /// `(x > 0)·gy` on variables, the mask a constant (its derivative is 0 almost everywhere).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [Variable(firstInput!.data.map { $0 > 0 ? 1 : 0 }, name: "mask") * gys[0]]
  }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "relu(\(names[0]))" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "(\(names[0]) > 0)·gy" }
}

/// `ReLU()(x)`: y = max(x, 0), the rectified linear unit.
public func relu(_ x: Variable) -> Variable { ReLU.deferredCall(x) }

extension ReLU: DeferrableUnaryFunction {
  /// The instance whose arithmetic `relu` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = ReLU()

  /// max(x, 0): what `apply` computes for each element.
  static func value(at x: Double) -> Double { max(x, 0) }

  /// The local derivative 1 for x > 0, else 0: the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { x > 0 ? 1 : 0 }
}
