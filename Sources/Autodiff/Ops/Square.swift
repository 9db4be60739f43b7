/// y = x², as the seed's `Square`.
public final class Square: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Self.value(at:)) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[2, x]`: d(x²)/dx = 2x.
  override public func localDerivative(_ x: Tensor) -> [Tensor] { [Tensor(2), x] }

  /// `2·x·gy` in one pass (the same arithmetic as the factors).
  override func inputGradient(_ x: Tensor, _ gy: Tensor) -> Tensor {
    checked { () throws(ShapeError) in
      try Tensor.elementwise(x, gy, operation: "Mul") { Self.derivative(at: $0) * $1 }
    }
  }

  /// `2·x·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [2 * firstInput! * gys[0]] }

  /// The forward computation in symbols, with the input's name.
  override public func expression(_ names: [String]) -> String { "\(names[0])²" }

  /// The local gradient in symbols, with the input's name.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "2·\(names[0])·gy" }
}

/// `Square()(x)`: y = x², as the seed's `Square`.
public func square(_ x: Variable) -> Variable { Square.deferredCall(x) }

extension Square: DeferrableUnaryFunction {
  /// The instance whose arithmetic `square` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Square()

  /// x²: what `apply` computes for each element.
  static func value(at x: Double) -> Double { x * x }

  /// The local derivative 2x: the product of `localDerivative`'s factors, which `inputGradient`
  /// and the backward pass's scalar steps multiply by `gy`.
  static func derivative(at x: Double) -> Double { 2 * x }
}
