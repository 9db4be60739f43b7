import Autodiff

/// Literal values: nested lists of numbers (`[[1, 2], [3, 4]]`) and signed numbers.
extension Parser {
  /// A list literal, starting at the current `[`: rectangular, of finite numbers.
  mutating func parseList() throws(ProgramError) -> Tensor {
    var scalars = [Double]()
    let shape = try parseList(into: &scalars)
    return Tensor(shape: shape, scalars: scalars)
  }

  /// Appends the list's numbers to `scalars` in row-major order and returns its shape.
  private mutating func parseList(into scalars: inout [Double]) throws(ProgramError) -> [Int] {
    let open = current
    try enter("list")
    defer { depth -= 1 }
    advance()
    var first: [Int]?
    var count = 0
    while !current.isSymbol("]") {
      if current.kind == .end {
        let place = "\(open.range.line):\(open.range.column)"
        throw error("unterminated list; expected ']' to close the '[' at \(place)", at: current.range)
      }
      let start = current.range
      let shape = current.isSymbol("[") ? try parseList(into: &scalars) : []
      if shape.isEmpty { scalars.append(try parseNumber(in: "the list")) }
      if let first, first != shape {
        throw error(
          "ragged list: this item is \(describe(shape)) but the first is \(describe(first))",
          at: start.through(previous?.range ?? start))
      }
      first = shape
      count += 1
      if current.isSymbol(",") {
        advance()
      } else if !current.isSymbol("]") && current.kind != .end {
        throw error("expected ',' or ']' in the list, found \(current.quoted)", at: current.range)
      }
    }
    advance()
    return [count] + (first ?? [])
  }

  /// A number with an optional minus sign.
  mutating func parseNumber(in context: String) throws(ProgramError) -> Double {
    let start = current.range
    let negative = current.isSymbol("-")
    if negative { advance() }
    switch current.kind {
    case .number(let text):
      advance()
      guard let number = Double(text), number.isFinite else {
        throw error(NonFiniteValue.overflow(text), at: start.through(previous!.range))
      }
      return negative ? -number : number
    case .name(let name) where NonFiniteValue.isName(name):
      throw error(NonFiniteValue.named(name), at: current.range)
    default:
      throw error("expected a number in \(context), found \(current.quoted)", at: current.range)
    }
  }

  /// `a number` or `a list of shape (2,)`.
  private func describe(_ shape: [Int]) -> String {
    shape.isEmpty ? "a number" : "a list of shape \(formatShape(shape))"
  }
}
