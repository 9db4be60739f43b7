/// Elementwise arithmetic with NumPy broadcasting.
///
/// The operators trap with the `ShapeError` text when shapes cannot broadcast; use
/// `Tensor.elementwise(_:_:operation:_:)` to get the error as a value instead.
extension Tensor {
  /// Elementwise sum.
  public static func + (a: Tensor, b: Tensor) -> Tensor { combined(a, b, "Add", +) }
  /// Elementwise difference.
  public static func - (a: Tensor, b: Tensor) -> Tensor { combined(a, b, "Sub", -) }
  /// Elementwise product.
  public static func * (a: Tensor, b: Tensor) -> Tensor { combined(a, b, "Mul", *) }
  /// Elementwise quotient.
  public static func / (a: Tensor, b: Tensor) -> Tensor { combined(a, b, "Div", /) }
  /// Elementwise negation.
  public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

  /// Each element plus a constant.
  public static func + (a: Tensor, b: Double) -> Tensor { a.map { $0 + b } }
  /// Each element times a constant.
  public static func * (a: Tensor, b: Double) -> Tensor { a.map { $0 * b } }
  /// A constant times each element.
  public static func * (a: Double, b: Tensor) -> Tensor { b.map { a * $0 } }
  /// Each element minus a constant.
  public static func - (a: Tensor, b: Double) -> Tensor { a.map { $0 - b } }
  /// A constant minus each element.
  public static func - (a: Double, b: Tensor) -> Tensor { b.map { a - $0 } }
  /// Each element divided by a constant.
  public static func / (a: Tensor, b: Double) -> Tensor { a.map { $0 / b } }
  /// A constant divided by each element.
  public static func / (a: Double, b: Tensor) -> Tensor { b.map { a / $0 } }

  private static func combined(
    _ a: Tensor, _ b: Tensor, _ operation: String, _ combine: (Double, Double) -> Double
  ) -> Tensor {
    do {
      return try elementwise(a, b, operation: operation, combine)
    } catch {
      preconditionFailure(error.description)
    }
  }

  /// Each element raised to the constant power `exponent`.
  public func power(_ exponent: Double) -> Tensor {
    if exponent == 2 { return map { $0 * $0 } }
    return map { Double.power($0, exponent) }
  }
}
