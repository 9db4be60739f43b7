/// What an expression parsed to so far: a number not yet placed in the graph (so that `-2` and
/// exponents stay plain numbers), or a node.
struct Operand {
  enum Value {
    /// A number with the text its constant leaf will be named by.
    case constant(Double, text: String)
    /// A node of the program.
    case node(Int)
  }

  var value: Value
  /// The source text the expression spans.
  var range: SourceRange

  /// The number, when this is a constant.
  var constant: Double? {
    if case .constant(let number, _) = value { return number }
    return nil
  }

  /// The constant as the program wrote it (`9223372036854775807`, not `9.223372036854776e+18`).
  var constantText: String? {
    if case .constant(_, let text) = value { return text }
    return nil
  }
}
