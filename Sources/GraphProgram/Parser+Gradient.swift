/// `g = grad(y, x)`: the gradient of `y` with respect to the input `x`, as a variable whose graph
/// (the backward pass, recorded) can be differentiated again.
extension Parser {
  /// Whether the statement's value is a `grad(…)` call (the current token is `grad`).
  var isGradientCall: Bool {
    current.kind == .name("grad") && tokens[position + 1].isSymbol("(")
  }

  /// The error for `grad(…)` inside an expression.
  func gradientInsideExpression(at site: SourceRange) -> ProgramError {
    error(
      "grad(…) must be the whole value of a statement, as in 'g = grad(y, x)'; use g in later lines",
      at: site)
  }

  /// Parses `grad(y, x)` (the current token is `grad`) as statement `name`'s value.
  mutating func parseGradient(_ name: String, site: SourceRange) throws(ProgramError) {
    let call = current.range
    advance()
    advance()
    let (output, outputRange) = try gradientArgument(expecting: "the variable to differentiate")
    _ = try expect(",", "grad takes 2 arguments, grad(y, x); expected ',' after '\(output.name)'")
    let (input, inputRange) = try gradientArgument(expecting: "the input to differentiate with respect to")
    let close = try expect(")", "expected ')' after grad's 2 arguments, found \(current.quoted)")
    try expectEndOfStatement(expecting: "';' or end of line after grad(…)")
    guard case .input = ir.nodes[input.node].kind else {
      throw error(
        "grad(\(output.name), \(input.name)): '\(input.name)' is not an input; grad differentiates "
          + "with respect to an input (a 'name = number' or list line)", at: inputRange)
    }
    switch ir.nodes[output.node].kind {
    case .input, .constant:
      throw error(
        "grad(\(output.name), \(input.name)): '\(output.name)' is an input, not a computed variable",
        at: outputRange)
    case .operation, .gradient: break
    }
    guard ir.depends(output.node, on: input.node) else {
      throw error(
        "grad(\(output.name), \(input.name)): '\(output.name)' does not depend on '\(input.name)', so "
          + "the gradient would be zero", at: outputRange)
    }
    let node = try append(
      .init(
        kind: .gradient(of: output.node, withRespectTo: input.node), name: name,
        site: call.through(close.range)))
    assign(name, node: node, site: site)
  }

  /// One argument of `grad`: an assigned name, with its node and where it is.
  private mutating func gradientArgument(expecting what: String) throws(ProgramError) -> (
    (name: String, node: Int), SourceRange
  ) {
    guard case .name(let name) = current.kind,
      tokens[position + 1].isSymbol(",") || tokens[position + 1].isSymbol(")")
    else {
      throw error(
        "grad's arguments are names, as in grad(y, x): expected \(what); to differentiate an "
          + "expression, name it in a line of its own first", at: current.range)
    }
    let range = current.range
    guard let entry = names[name] else { throw undefinedName(name, at: range) }
    advance()
    return ((name, entry.node), range)
  }
}

extension ProgramIR {
  /// Whether node `node` is computed from node `source` (a walk over arguments, without recursion).
  func depends(_ node: Int, on source: Int) -> Bool {
    var visited = Set<Int>()
    var stack = [node]
    while let current = stack.popLast() {
      if current == source { return true }
      guard visited.insert(current).inserted else { continue }
      switch nodes[current].kind {
      case .input, .constant: continue
      case .operation(_, let arguments): stack += arguments
      case .gradient(let output, let input): stack += [output, input]
      }
    }
    return false
  }
}
