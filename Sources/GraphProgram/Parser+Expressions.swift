import Autodiff

/// The expression grammar, loosest binding first:
/// ```
/// expression := term (('+' | '-') term)*
/// term       := unary (('*' | '/') unary)*
/// unary      := '-' unary | power
/// power      := postfix ('^' unary)?         a constant exponent is folded
/// postfix    := primary ('[' item (',' item)* ']')*
/// item       := integer | integer? ':' integer? (':' integer?)?
/// primary    := number | name | call | '(' expression ')'
/// ```
extension Parser {
  mutating func parseExpression() throws(ProgramError) -> Operand {
    try enter("expression")
    defer { depth -= 1 }
    var left = try parseTerm()
    while let operation = additiveOperation {
      let symbol = current
      advance()
      left = try binary(operation, symbol, left, try parseTerm())
    }
    return left
  }

  mutating func parseTerm() throws(ProgramError) -> Operand {
    var left = try parseUnary()
    while let operation = multiplicativeOperation {
      let symbol = current
      advance()
      left = try binary(operation, symbol, left, try parseUnary())
    }
    return left
  }

  /// A minus in front of a number makes a negative number (`-2`); otherwise it is `neg`.
  mutating func parseUnary() throws(ProgramError) -> Operand {
    guard current.isSymbol("-") else { return try parsePower() }
    let minus = current
    advance()
    try enter("expression")
    defer { depth -= 1 }
    let operand = try parseUnary()
    let range = minus.range.through(operand.range)
    if case .constant(let number, let text) = operand.value {
      let negated = text.hasPrefix("-") ? String(text.dropFirst()) : "-" + text
      return Operand(value: .constant(-number, text: negated), range: range)
    }
    return try apply(.neg, [operand], site: minus.range, range: range)
  }

  /// `base ^ exponent`, right-associative; a constant exponent is folded if written as one
  /// (`x ^ (1/2)`, `x ^ 2 ^ 3`), a variable one makes a `PowVariable`.
  mutating func parsePower() throws(ProgramError) -> Operand {
    let base = try parsePostfix()
    guard current.isSymbol("^") else { return base }
    let caret = current
    advance()
    try enter("exponent")
    defer { depth -= 1 }
    let folding = foldingConstants
    foldingConstants = true
    let exponent = try parseUnary()
    foldingConstants = folding
    let range = base.range.through(exponent.range)
    guard let constant = exponent.constant else {
      return try apply(.powVariable, [base, exponent], site: caret.range, range: range)
    }
    let value = try finiteExponent(constant, at: exponent.range)
    if folding, let number = base.constant {
      let power = Tensor(number).power(value).scalars[0]
      return Operand(value: .constant(power, text: formatConstant(power)), range: range)
    }
    return try apply(.pow(value), [base], site: caret.range, range: range)
  }

  /// The value of a constant exponent, or an error when it is not finite.
  func finiteExponent(_ value: Double, at range: SourceRange) throws(ProgramError) -> Double {
    guard value.isFinite else { throw error("exponent \(value) is not finite", at: range) }
    return value
  }

  mutating func parsePrimary() throws(ProgramError) -> Operand {
    let token = current
    switch token.kind {
    case .number(let text):
      advance()
      guard let number = Double(text), number.isFinite else {
        throw error(NonFiniteValue.overflow(text), at: token.range)
      }
      return Operand(value: .constant(number, text: text), range: token.range)
    case .name(let name):
      advance()
      if current.isSymbol("(") { return try parseCall(name, site: token.range) }
      guard let entry = names[name] else { throw undefinedName(name, at: token.range) }
      return Operand(value: .node(entry.node), range: token.range)
    case .symbol("("):
      advance()
      let inner = try parseExpression()
      let place = "\(token.range.line):\(token.range.column)"
      let close = try expect(")", "expected ')' to close the '(' at \(place), found \(current.quoted)")
      return Operand(value: inner.value, range: token.range.through(close.range))
    case .symbol("["):
      throw error("a list can only be the whole value of an input, as in 'v = [1, 2]'", at: token.range)
    default:
      if token.kind == .symbol("*"), previous?.kind == .symbol("*") {
        throw error("'**' is not an operator here: write powers with '^', as in 'x^2'", at: token.range)
      }
      let after = previous.map { " after \($0.quoted)" } ?? ""
      throw error("expected an expression\(after), found \(token.quoted)", at: token.range)
    }
  }

  /// "undefined name", with a hint when the name looks like a number, a function or a typo.
  func undefinedName(_ name: String, at range: SourceRange) -> ProgramError {
    if NonFiniteValue.isName(name) {
      return error(NonFiniteValue.named(name), at: range)
    }
    if Builtin.form(of: name) != nil {
      return error("'\(name)' is a function; call it with arguments, as in \(name)(x)", at: range)
    }
    var message = "undefined name '\(name)'"
    if let match = suggestedName(for: name) { message += "; did you mean '\(match)'?" }
    return error(message, at: range)
  }

  /// An assigned name close to `name`, for names of 3 or more characters (shorter ones are too
  /// alike to guess between).
  func suggestedName(for name: String) -> String? {
    name.count >= 3 ? closestMatch(to: name, among: assignedNames) : nil
  }

  /// `add` or `sub` when the current token is `+` or `-`.
  var additiveOperation: Operation? {
    current.isSymbol("+") ? .add : current.isSymbol("-") ? .sub : nil
  }

  /// `mul` or `div` when the current token is `*` or `/`.
  var multiplicativeOperation: Operation? {
    current.isSymbol("*") ? .mul : current.isSymbol("/") ? .div : nil
  }

  /// `left symbol right`: a node, or a number when folding constants and both sides are numbers.
  mutating func binary(_ operation: Operation, _ symbol: Token, _ left: Operand, _ right: Operand)
    throws(ProgramError) -> Operand
  {
    let range = left.range.through(right.range)
    if foldingConstants, let a = left.constant, let b = right.constant {
      let folded: Double =
        switch operation {
        case .add: a + b
        case .sub: a - b
        case .mul: a * b
        default: a / b
        }
      return Operand(value: .constant(folded, text: formatConstant(folded)), range: range)
    }
    return try apply(operation, [left, right], site: symbol.range, range: range)
  }

  /// Appends a node applying `operation` to `arguments` (numbers become constant leaves first).
  mutating func apply(_ operation: Operation, _ arguments: [Operand], site: SourceRange, range: SourceRange)
    throws(ProgramError) -> Operand
  {
    var inputs = [Int]()
    for argument in arguments { inputs.append(try materialize(argument)) }
    let node = try append(.init(kind: .operation(operation, arguments: inputs), name: "", site: site))
    return Operand(value: .node(node), range: range)
  }

  /// The node of `operand`, appending a constant leaf named by its text when it is a number.
  mutating func materialize(_ operand: Operand) throws(ProgramError) -> Int {
    switch operand.value {
    case .node(let node):
      return node
    case .constant(let number, let text):
      return try append(.init(kind: .constant(number), name: text, site: operand.range))
    }
  }
}
