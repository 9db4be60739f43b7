/// Pointers from PyTorch and NumPy spellings to GradStep's: `x.mean()` → `mean(x)`, `x.T` →
/// `transpose(x)`, `torch.cat` → `concat`, `F.softmax(x, dim=1)` → `softmax(x, 1)`.
enum PythonSpelling {
  /// Names a program may write before a dot that are Python modules, not variables.
  static let modules: Set<String> = ["torch", "F", "nn", "functional", "np", "numpy", "math"]

  /// GradStep's function for a PyTorch or NumPy function or method name, when it differs.
  static let renamed: [String: String] = [
    "cat": "concat", "concatenate": "concat", "clamp": "clip", "amax": "max", "amin": "min",
    "absolute": "abs", "mm": "matmul", "dot": "matmul", "logSoftmax": "log_softmax", "t": "transpose",
    "T": "transpose", "negative": "neg", "pow": "pow", "power": "pow",
  ]

  /// The message for `receiver.member` in a program.
  static func hint(receiver: String, member: String) -> String {
    let function = renamed[member] ?? member
    let known = Builtin.form(of: function) != nil
    if modules.contains(receiver) {
      guard known else {
        return "'\(receiver).\(member)' is Python; GradStep has no '\(member)'; functions are "
          + Builtin.names.joined(separator: ", ")
      }
      return "'\(receiver).\(member)' is Python; GradStep's functions have no module prefix: write "
        + "'\(example(function))'"
    }
    guard known else {
      return "'\(receiver).\(member)' is a method call; GradStep has functions instead, such as "
        + "'exp(\(receiver))'; '\(member)' is not one of them"
    }
    return "'\(receiver).\(member)' is a method call; GradStep has functions instead: write "
      + "'\(example(function, receiver))'"
  }

  /// A call of `function` in GradStep's spelling, with the axis as a plain argument.
  private static func example(_ function: String, _ x: String = "x") -> String {
    switch function {
    case "concat": "concat(a, b, axis)"
    case "softmax", "log_softmax": "\(function)(\(x), 1)"
    case "clip": "clip(\(x), lo, hi)"
    case "pow": "\(x)^y"
    case "matmul", "maximum", "minimum", "add", "sub", "mul", "div": "\(function)(\(x), b)"
    default: "\(function)(\(x))"
    }
  }
}
