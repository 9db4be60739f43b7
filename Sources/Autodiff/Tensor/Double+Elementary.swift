#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The C library's elementary functions, for the ops. Autodiff imports the platform's C library rather
// than Foundation, so that a program needing nothing more of Foundation starts milliseconds sooner;
// the names keep these apart from Autodiff's own `exp(_:)`, `sin(_:)`, … on variables.
extension Double {
  /// eˣ.
  static func exponential(_ x: Double) -> Double { exp(x) }

  /// The natural logarithm of x.
  static func logarithm(_ x: Double) -> Double { log(x) }

  /// The sine of x (radians).
  static func sine(_ x: Double) -> Double { sin(x) }

  /// The cosine of x (radians).
  static func cosine(_ x: Double) -> Double { cos(x) }

  /// The hyperbolic tangent of x.
  static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }

  /// x raised to the power y.
  static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}
