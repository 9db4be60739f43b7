import Autodiff

/// An Autodiff op with its constant parameters, as a program names it; `makeFunction()` gives a fresh
/// `Function` to call (a function can be called only once).
enum Operation: Equatable {
  case square, exp, sin, cos, tanh, log, sqrt, sigmoid, relu, neg
  case abs
  case add, sub, mul, div, matmul, maximum, minimum
  case pow(Double)
  /// `x ^ y` with a variable exponent.
  case powVariable
  case sum(axes: [Int]?, keepDims: Bool)
  case mean(axes: [Int]?, keepDims: Bool)
  case max(axes: [Int]?, keepDims: Bool)
  case min(axes: [Int]?, keepDims: Bool)
  case logSumExp(axes: [Int]?, keepDims: Bool)
  case clip(Double, Double)
  case softmax(axis: Int)
  case logSoftmax(axis: Int)
  case concat(axis: Int)
  case getItem([IndexItem])
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
    case .abs: Abs()
    case .add: Add()
    case .sub: Sub()
    case .mul: Mul()
    case .div: Div()
    case .matmul: MatMul()
    case .maximum: Maximum()
    case .minimum: Minimum()
    case .pow(let exponent): Pow(exponent)
    case .powVariable: PowVariable()
    case .sum(let axes, let keepDims): Sum(axes: axes, keepDims: keepDims)
    case .mean(let axes, let keepDims): Mean(axes: axes, keepDims: keepDims)
    case .max(let axes, let keepDims): Max(axes: axes, keepDims: keepDims)
    case .min(let axes, let keepDims): Min(axes: axes, keepDims: keepDims)
    case .logSumExp(let axes, let keepDims): LogSumExp(axes: axes, keepDims: keepDims)
    case .clip(let lo, let hi): Clip(lo: lo, hi: hi)
    case .softmax(let axis): Softmax(axis: axis)
    case .logSoftmax(let axis): LogSoftmax(axis: axis)
    case .concat(let axis): Concat(axis: axis)
    case .getItem(let items): GetItem(items)
    case .sumTo(let shape): SumTo(shape)
    case .broadcastTo(let shape): BroadcastTo(shape)
    case .reshape(let shape): Reshape(shape)
    case .transpose(let axes): Transpose(axes)
    }
  }
}
