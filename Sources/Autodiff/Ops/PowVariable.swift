/// y = xʸ for a variable exponent y, element by element with broadcasting. (`Pow` is the constant
/// exponent.) The gradients are y·x^(y−1)·gy and xʸ·log(x)·gy, the former 0 where y = 0 and
/// the latter 0 where x = 0 and y ≥ 0, as PyTorch.
public final class PowVariable: BinaryFunction {
  /// Creates the function, not yet called.
  override public init() {}

  /// The forward computation, element by element.
  override public func apply(_ a: Tensor, _ b: Tensor) -> Tensor {
    checked { () throws(ShapeError) in try Tensor.elementwise(a, b, operation: name, Double.power) }
  }

  /// Input 0: `[y, x^(y−1), gy]` (x^(y−1) taken as 1 where x = y = 0, so the product is 0 as
  /// PyTorch's); input 1: `[xʸ, log x, gy]` (log x taken as 0 where x = 0, y ≥ 0).
  override public func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor) -> [Tensor] {
    if index == 0 {
      let lowered = checked { () throws(ShapeError) in
        try Tensor.elementwise(a, b, operation: name) { $0 == 0 && $1 == 0 ? 1 : Double.power($0, $1 - 1) }
      }
      return [b, lowered, gy]
    }
    return [apply(a, b), PowVariable.logBase(a, b), gy]
  }

  /// `(y·x^(y−1)·gy, xʸ·log(x)·gy)` on variables.
  override public func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    let logGuard = PowVariable.guardedZeros(a.data, b.data) { $0 >= 0 }
    let logBase = logGuard.scalars.contains(1) ? log(a + Variable(logGuard, name: "x=0")) : log(a)
    let powerGuard = PowVariable.guardedZeros(a.data, b.data) { $0 == 0 }
    let loweredBase = powerGuard.scalars.contains(1) ? a + Variable(powerGuard, name: "x=y=0") : a
    return (b * pow(loweredBase, b - 1) * gy, pow(a, b) * logBase * gy)
  }

  /// The forward computation in symbols, with the inputs' names.
  override public func expression(_ names: [String]) -> String { "\(names[0])^\(names[1])" }

  /// The local gradient in symbols, with the inputs' names.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    let (x, y) = (names[0], names[1])
    return index == 0 ? "\(y)·\(x)^(\(y)−1)·gy" : "\(x)^\(y)·log(\(x))·gy"
  }

  /// 1 where x = 0 and `exponent(y)` holds, else 0: the places where PyTorch takes a gradient
  /// as 0 (the exponent's where y ≥ 0, the base's where y = 0) but the formula gives 0·∞.
  /// Adding it to x makes the formula finite there without changing it anywhere else.
  private static func guardedZeros(_ a: Tensor, _ b: Tensor, where exponent: @escaping (Double) -> Bool)
    -> Tensor
  {
    checked { () throws(ShapeError) in
      try Tensor.elementwise(a, b, operation: "PowVariable") { $0 == 0 && exponent($1) ? 1 : 0 }
    }
  }

  /// log x, taken as 0 where x = 0 and y ≥ 0.
  private static func logBase(_ a: Tensor, _ b: Tensor) -> Tensor {
    checked { () throws(ShapeError) in
      try Tensor.elementwise(a, b, operation: "PowVariable") { $0 == 0 && $1 >= 0 ? 0 : Double.logarithm($0) }
    }
  }
}

/// `PowVariable()(x, y)`: xʸ for a variable exponent, element by element with broadcasting.
public func pow(_ x: Variable, _ y: Variable) -> Variable { PowVariable()(x, y) }
