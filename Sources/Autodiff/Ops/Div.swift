/// y = a / b, with broadcasting.
public final class Div: BinaryFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ a: Tensor, _ b: Tensor) -> Tensor { a / b }

  /// Input 0: `(1/b)·gy`; input 1: `−a/b²·gy`.
  override public func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor) -> [Tensor] {
    index == 0 ? [1 / b, gy] : [-a / (b * b), gy]
  }

  /// `((1/b)·gy, (−a/b²)·gy)`, the factors' products without their arrays.
  override func factorProducts(_ a: Tensor, _ b: Tensor, _ gy: Tensor) -> (Tensor, Tensor) {
    ((1 / b) * gy, (-a / (b * b)) * gy)
  }

  /// `((1/b)·gy, (−a/b²)·gy)` on variables.
  override public func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    ((1 / b) * gy, (neg(a) / (b * b)) * gy)
  }

  /// The forward computation in symbols, with the inputs' names.
  override public func expression(_ names: [String]) -> String { "\(names[0]) / \(names[1])" }

  /// The local gradient in symbols, with the inputs' names.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    let (a, b) = (names[0], names[1])
    return index == 0 ? "(1/\(b))·gy" : "−\(a)/\(b)²·gy"
  }
}

/// `Div()(a, b)`: y = a / b, with broadcasting.
public func div(_ a: Variable, _ b: Variable) -> Variable { Div.deferredCall(a, b) }

extension Div: DeferrableBinaryFunction {
  /// The instance whose arithmetic `div` uses (see `DeferredCreator`); never called, so never
  /// changed, hence safe to share between threads.
  nonisolated(unsafe) static let shared = Div()

  /// `a / b`, as `apply` computes each pair of elements.
  static func value(at a: Double, _ b: Double) -> Double { a / b }

  /// `((1 / b) * gy, (-a / (b * b)) * gy)`, as `factorProducts` computes each element.
  static func gradients(at a: Double, _ b: Double, gy: Double) -> (Double, Double) {
    ((1 / b) * gy, (-a / (b * b)) * gy)
  }
}
