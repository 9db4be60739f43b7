/// y = a − b, with broadcasting.
public final class Sub: BinaryFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ a: Tensor, _ b: Tensor) -> Tensor { a - b }

  /// Input 0: `gy`; input 1: `−gy`.
  override public func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor) -> [Tensor] {
    index == 0 ? [gy] : [Tensor(-1), gy]
  }

  /// `(gy, −1·gy)`, the factors' products without their arrays.
  override func factorProducts(_ a: Tensor, _ b: Tensor, _ gy: Tensor) -> (Tensor, Tensor) {
    (gy, gy.map { -1 * $0 })
  }

  /// `(gy, −gy)` on variables.
  override public func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    (gy, neg(gy))
  }

  /// The forward computation in symbols, with the inputs' names.
  override public func expression(_ names: [String]) -> String { "\(names[0]) − \(names[1])" }

  /// The local gradient in symbols, with the inputs' names.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    index == 0 ? "gy" : "−gy"
  }
}

/// `Sub()(a, b)`: y = a − b, with broadcasting.
public func sub(_ a: Variable, _ b: Variable) -> Variable { Sub.deferredCall(a, b) }

extension Sub: DeferrableBinaryFunction {
  /// The instance whose arithmetic `sub` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Sub()

  /// `a - b`, as `apply` computes each pair of elements.
  static func value(at a: Double, _ b: Double) -> Double { a - b }

  /// `(gy, -1 * gy)`, as `factorProducts` computes each element.
  static func gradients(at a: Double, _ b: Double, gy: Double) -> (Double, Double) { (gy, -1 * gy) }
}
