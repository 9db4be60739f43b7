#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// y = erf(x), the error function (what exported GELUs are made of).
public final class Erf: ElementwiseFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ x: Tensor) -> Tensor { x.map(Double.errorFunction) }

  /// Keeps the input's shape (the default `outputShapes`).
  override var keepsDefaultOutputShapes: Bool { true }

  /// `[2/√π · e^(−x²)]`.
  override public func localDerivative(_ x: Tensor) -> [Tensor] {
    [x.map { 2 / Double.pi.squareRoot() * Double.exponential(-$0 * $0) }]
  }

  /// `2/√π · exp(−x²)·gy` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [2 / Double.pi.squareRoot() * exp(-square(firstInput!)) * gys[0]]
  }

  /// `erf(x)`.
  override public func expression(_ names: [String]) -> String { "erf(\(names[0]))" }

  /// The local gradient in symbols.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "2/√π·exp(−\(names[0])²)·gy"
  }
}

/// `Erf()(x)`: y = erf(x).
public func erf(_ x: Variable) -> Variable { Erf()(x) }

extension Double {
  /// The C library's error function.
  static func errorFunction(_ x: Double) -> Double { erf(x) }
}
