/// y = a·b, with broadcasting.
public final class Mul: BinaryFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ a: Tensor, _ b: Tensor) -> Tensor { a * b }

  /// Input 0: `b·gy`; input 1: `a·gy`.
  override public func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor) -> [Tensor] {
    index == 0 ? [b, gy] : [a, gy]
  }

  /// `(b·gy, a·gy)`, the factors' products without their arrays.
  override func factorProducts(_ a: Tensor, _ b: Tensor, _ gy: Tensor) -> (Tensor, Tensor) {
    (b * gy, a * gy)
  }

  /// `(b·gy, a·gy)` on variables.
  override public func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    (b * gy, a * gy)
  }

  /// The forward computation in symbols, with the inputs' names.
  override public func expression(_ names: [String]) -> String { "\(names[0]) · \(names[1])" }

  /// The local gradient in symbols, with the inputs' names.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    let (a, b) = (names[0], names[1])
    return index == 0 ? "\(b)·gy" : "\(a)·gy"
  }
}

/// `Mul()(a, b)`: y = a·b, with broadcasting.
public func mul(_ a: Variable, _ b: Variable) -> Variable { Mul.deferredCall(a, b) }

extension Mul: DeferrableBinaryFunction {
  /// The instance whose arithmetic `mul` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Mul()

  /// `a * b`, as `apply` computes each pair of elements.
  static func value(at a: Double, _ b: Double) -> Double { a * b }

  /// `(b * gy, a * gy)`, as `factorProducts` computes each element.
  static func gradients(at a: Double, _ b: Double, gy: Double) -> (Double, Double) { (b * gy, a * gy) }
}
