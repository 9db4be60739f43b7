/// The functions a program can call, by name, and how each takes its arguments.
enum Builtin {
  /// How a function takes its arguments.
  enum Form {
    /// As many tensor arguments as the Autodiff function's `arity`.
    case tensors(Operation)
    /// `pow(x, c)`: a tensor and a constant exponent.
    case power
    /// `sum(x)`, `sum(x, axis…)`, with an optional last word `keepdims`; also `mean`, `max`, `min`,
    /// `logsumexp`.
    case reduction((_ axes: [Int]?, _ keepDims: Bool) -> Operation)
    /// A tensor and one axis: `softmax(x, 1)`.
    case axis((Int) -> Operation)
    /// `clip(x, lo, hi)`: a tensor and two constant bounds.
    case clip
    /// `concat(a, b, …, axis)`: tensors, then a constant axis.
    case concat
    /// `transpose(x)` or `transpose(x, axis…)`.
    case transpose
    /// A tensor followed by the dimensions of a shape (`reshape(x, 2, -1)`).
    case shape(([Int]) -> Operation)
  }

  /// Every function, in the order messages list them.
  static let names = [
    "square", "exp", "sin", "cos", "tanh", "log", "sqrt", "sigmoid", "relu", "neg", "pow",
    "add", "sub", "mul", "div", "matmul", "sum", "sum_to", "broadcast_to", "reshape", "transpose",
    "mean", "max", "min", "abs", "maximum", "minimum", "clip", "softmax", "log_softmax", "logsumexp",
    "concat",
  ]

  /// How function `name` takes its arguments; `nil` for an unknown name.
  static func form(of name: String) -> Form? {
    switch name {
    case "square": .tensors(.square)
    case "exp": .tensors(.exp)
    case "sin": .tensors(.sin)
    case "cos": .tensors(.cos)
    case "tanh": .tensors(.tanh)
    case "log": .tensors(.log)
    case "sqrt": .tensors(.sqrt)
    case "sigmoid": .tensors(.sigmoid)
    case "relu": .tensors(.relu)
    case "neg": .tensors(.neg)
    case "add": .tensors(.add)
    case "sub": .tensors(.sub)
    case "mul": .tensors(.mul)
    case "div": .tensors(.div)
    case "matmul": .tensors(.matmul)
    case "abs": .tensors(.abs)
    case "maximum": .tensors(.maximum)
    case "minimum": .tensors(.minimum)
    case "pow": .power
    case "sum": .reduction { .sum(axes: $0, keepDims: $1) }
    case "mean": .reduction { .mean(axes: $0, keepDims: $1) }
    case "max": .reduction { .max(axes: $0, keepDims: $1) }
    case "min": .reduction { .min(axes: $0, keepDims: $1) }
    case "logsumexp": .reduction { .logSumExp(axes: $0, keepDims: $1) }
    case "softmax": .axis { .softmax(axis: $0) }
    case "log_softmax": .axis { .logSoftmax(axis: $0) }
    case "clip": .clip
    case "concat": .concat
    case "transpose": .transpose
    case "sum_to": .shape { .sumTo($0) }
    case "broadcast_to": .shape { .broadcastTo($0) }
    case "reshape": .shape { .reshape($0) }
    default: nil
    }
  }
}
