import Autodiff

/// Indexing and slicing after an expression, as NumPy writes them: `x[1]`, `x[:, 0]`, `x[1:3]`,
/// `x[-1]`, `x[::2]`, `x[1, 2]`, `x[[0, 2]]`, `x[[0, 1], [2, 0]]`. Each item is a whole number, a
/// slice of whole numbers or a list of positions (lists are paired, as NumPy pairs them); the
/// shapes are checked with the rest of the program.
extension Parser {
  /// A primary followed by any number of `[…]` indexes.
  mutating func parsePostfix() throws(ProgramError) -> Operand {
    var operand = try parsePrimary()
    while current.isSymbol("[") {
      let open = current
      advance()
      try enter("index")
      defer { depth -= 1 }
      var items = [try parseIndexItem()]
      while current.isSymbol(",") {
        advance()
        items.append(try parseIndexItem())
      }
      let place = "\(open.range.line):\(open.range.column)"
      let close = try expect("]", "expected ',' or ']' to close the '[' at \(place), found \(current.quoted)")
      if let constant = operand.constant {
        throw error(
          "cannot index the number \(formatConstant(constant)); index a variable, as in x[0]",
          at: operand.range)
      }
      operand = try apply(
        .getItem(items), [operand], site: open.range, range: operand.range.through(close.range))
    }
    return operand
  }

  /// One item: `2`, `-1`, `:`, `1:3`, `::2`, `3:0:-1`, or a list of positions `[0, 2, 0]`.
  private mutating func parseIndexItem() throws(ProgramError) -> IndexItem {
    if current.isSymbol("[") { return try parsePositions() }
    let start = try parseIndexNumber(optional: true)
    guard current.isSymbol(":") else {
      guard let start else {
        throw error(
          "expected an index (a whole number), a slice like 1:3 or ':', or a list like [0, 2], found \(current.quoted)",
          at: current.range)
      }
      return .index(start)
    }
    advance()
    let stop = try parseIndexNumber(optional: true)
    var step: Int?
    if current.isSymbol(":") {
      advance()
      step = try parseIndexNumber(optional: true)
      if step == 0 { throw error("slice step cannot be zero", at: previous?.range ?? current.range) }
    }
    return .slice(start: start, stop: stop, step: step)
  }

  /// A list of positions, `[0, 2, -1]` (repeats allowed), for NumPy's advanced indexing: several
  /// lists in one index are paired, as in `logp[[0, 1, 2], [2, 0, 1]]`.
  private mutating func parsePositions() throws(ProgramError) -> IndexItem {
    let open = current
    advance()
    var positions = [Int]()
    if !current.isSymbol("]") {
      positions.append(try parsePosition())
      while current.isSymbol(",") {
        advance()
        positions.append(try parsePosition())
      }
    }
    let place = "\(open.range.line):\(open.range.column)"
    _ = try expect(
      "]", "expected ',' or ']' to close the list of positions at \(place), found \(current.quoted)")
    return .indices(positions)
  }

  /// One position of a list: a whole number.
  private mutating func parsePosition() throws(ProgramError) -> Int {
    guard let position = try parseIndexNumber(optional: true) else {
      throw error(
        "expected a position (a whole number) in the list, found \(current.quoted)", at: current.range)
    }
    return position
  }

  /// A whole number, possibly negative (folded from a constant expression such as `n - 1` only
  /// when written with numbers); `nil` when `optional` and the next token ends the item.
  private mutating func parseIndexNumber(optional: Bool) throws(ProgramError) -> Int? {
    if optional, current.isSymbol(":") || current.isSymbol(",") || current.isSymbol("]") { return nil }
    let folding = foldingConstants
    foldingConstants = true
    let value = try parseExpression()
    foldingConstants = folding
    guard let number = value.constant, number == number.rounded() else {
      throw error(
        "an index must be a whole number, like 0, -1 or 1:3 (indexing by a variable is not supported)",
        at: value.range)
    }
    guard abs(number) <= Double(Limits.integer) else {
      throw error(
        "index \(value.constantText ?? formatConstant(number)) is too large: an index is at most \(Limits.grouped(Limits.integer)) in size",
        at: value.range)
    }
    return Int(number)
  }
}
