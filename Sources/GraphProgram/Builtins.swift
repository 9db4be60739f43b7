/// The functions a program can call, by name, and how each takes its arguments.
enum Builtin {
  /// How a function takes its arguments.
  enum Form {
    /// A fixed number of tensor arguments.
    case tensors(Int, Operation)
    /// `pow(x, c)`: a tensor and a constant exponent.
    case power
    /// `sum(x)`, `sum(x, axis…)`, with an optional last word `keepdims`.
    case sum
    /// `transpose(x)` or `transpose(x, axis…)`.
    case transpose
    /// A tensor followed by the dimensions of a shape (`reshape(x, 2, -1)`).
    case shape(([Int]) -> Operation)
  }

  /// Every function, in the order messages list them.
  static let names = [
    "square", "exp", "sin", "cos", "tanh", "log", "sqrt", "sigmoid", "relu", "neg", "pow",
    "add", "sub", "mul", "div", "matmul", "sum", "sum_to", "broadcast_to", "reshape", "transpose",
  ]

  /// How function `name` takes its arguments; `nil` for an unknown name.
  static func form(of name: String) -> Form? {
    switch name {
    case "square": .tensors(1, .square)
    case "exp": .tensors(1, .exp)
    case "sin": .tensors(1, .sin)
    case "cos": .tensors(1, .cos)
    case "tanh": .tensors(1, .tanh)
    case "log": .tensors(1, .log)
    case "sqrt": .tensors(1, .sqrt)
    case "sigmoid": .tensors(1, .sigmoid)
    case "relu": .tensors(1, .relu)
    case "neg": .tensors(1, .neg)
    case "add": .tensors(2, .add)
    case "sub": .tensors(2, .sub)
    case "mul": .tensors(2, .mul)
    case "div": .tensors(2, .div)
    case "matmul": .tensors(2, .matmul)
    case "pow": .power
    case "sum": .sum
    case "transpose": .transpose
    case "sum_to": .shape { .sumTo($0) }
    case "broadcast_to": .shape { .broadcastTo($0) }
    case "reshape": .shape { .reshape($0) }
    default: nil
    }
  }
}
