/// `+ - * /` and unary `-` between variables and with `Double` constants, as DeZero overloads them.
/// A constant becomes a leaf variable named by its value.
extension Variable {
  /// `add(a, b)`.
  public static func + (a: Variable, b: Variable) -> Variable { add(a, b) }
  /// `sub(a, b)`.
  public static func - (a: Variable, b: Variable) -> Variable { sub(a, b) }
  /// `mul(a, b)`.
  public static func * (a: Variable, b: Variable) -> Variable { mul(a, b) }
  /// `div(a, b)`.
  public static func / (a: Variable, b: Variable) -> Variable { div(a, b) }
  /// `neg(a)`.
  public static prefix func - (a: Variable) -> Variable { neg(a) }

  /// `a + constant`.
  public static func + (a: Variable, b: Double) -> Variable { add(a, constant(b)) }
  /// `constant + b`.
  public static func + (a: Double, b: Variable) -> Variable { add(constant(a), b) }
  /// `a − constant`.
  public static func - (a: Variable, b: Double) -> Variable { sub(a, constant(b)) }
  /// `constant − b`.
  public static func - (a: Double, b: Variable) -> Variable { sub(constant(a), b) }
  /// `a · constant`.
  public static func * (a: Variable, b: Double) -> Variable { mul(a, constant(b)) }
  /// `constant · b`.
  public static func * (a: Double, b: Variable) -> Variable { mul(constant(a), b) }
  /// `a / constant`.
  public static func / (a: Variable, b: Double) -> Variable { div(a, constant(b)) }
  /// `constant / b`.
  public static func / (a: Double, b: Variable) -> Variable { div(constant(a), b) }

  private static func constant(_ value: Double) -> Variable {
    Variable(Tensor(value), name: formatConstant(value))
  }
}
