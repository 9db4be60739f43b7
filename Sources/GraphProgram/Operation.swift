import Autodiff

/// An Autodiff op with its constant parameters, as a program names it; `makeFunction()` gives a fresh
/// `Function` to call (a function can be called only once).
enum Operation: Equatable {
  case square, exp, sin, cos, tanh, log, sqrt, sigmoid, relu, neg
  case add, sub, mul, div, matmul
  case pow(Double)
  case sum(axes: [Int]?, keepDims: Bool)
  case sumTo([Int])
  case broadcastTo([Int])
  case reshape([Int])
  case transpose([Int]?)

  /// A new, not yet called Autodiff function for this op.
  func makeFunction() -> Function {
    switch self {
    case .square: Square()
    case .exp: Exp()
    case .sin: Sin()
    case .cos: Cos()
    case .tanh: Tanh()
    case .log: Log()
    case .sqrt: Sqrt()
    case .sigmoid: Sigmoid()
    case .relu: ReLU()
    case .neg: Neg()
    case .add: Add()
    case .sub: Sub()
    case .mul: Mul()
    case .div: Div()
    case .matmul: MatMul()
    case .pow(let exponent): Pow(exponent)
    case .sum(let axes, let keepDims): Sum(axes: axes, keepDims: keepDims)
    case .sumTo(let shape): SumTo(shape)
    case .broadcastTo(let shape): BroadcastTo(shape)
    case .reshape(let shape): Reshape(shape)
    case .transpose(let axes): Transpose(axes)
    }
  }
}
