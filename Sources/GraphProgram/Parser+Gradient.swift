/// `grad(y, v)`: the gradient of `y` with respect to `v` (an input, or a variable the forward pass
/// computed), as a variable whose graph (the backward pass, recorded) can be differentiated again.
/// It is an expression like any other: `w2 = w - 0.1 * grad(y, w)`.
extension Parser {
  /// Parses `grad(y, v)` after the name `grad` (the current token is `(`) and appends its node.
  mutating func parseGradient(site call: SourceRange) throws(ProgramError) -> Operand {
    advance()
    let (output, outputRange) = try gradientArgument(expecting: "the variable to differentiate")
    _ = try expect(",", "grad takes 2 arguments, grad(y, x); expected ',' after '\(output.name)'")
    let (input, _) = try gradientArgument(expecting: "the variable to differentiate with respect to")
    let close = try expect(")", "expected ')' after grad's 2 arguments, found \(current.quoted)")
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
    let range = call.through(close.range)
    let node = try append(
      .init(kind: .gradient(of: output.node, withRespectTo: input.node), name: "", site: range))
    return Operand(value: .node(node), range: range)
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
