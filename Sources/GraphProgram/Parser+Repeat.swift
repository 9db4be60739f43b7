import Autodiff

/// The `repeat` line, an optimisation loop over the program's inputs:
/// ```
/// repeat N: x -= expression; y -= expression      each iteration, every update at once
/// repeat N until loss < 0.01: adam(0.05) W, b      an optimiser (sgd, momentum, adam)
/// ```
/// The update expressions are ordinary expressions over the program's names, and may use
/// `grad(y, x)` (nested: `grad(grad(y, x), x)`); their nodes are kept apart from the graph.
extension Parser {
  /// Whether the statement starting with `name` is a `repeat` line.
  static func isRepeat(_ name: String) -> Bool { name == "repeat" }

  /// `repeat …`, after the word (at `site`).
  mutating func parseRepeat(site: SourceRange) throws(ProgramError) {
    if let first = ir.loop {
      throw error("a second repeat line; the first is at \(first.site.line):\(first.site.column)", at: site)
    }
    let iterations = try parseIterationCount()
    var until: (String, Double, SourceRange)?
    if current.kind == .name("until") {
      advance()
      until = try parseUntil()
    }
    _ = try expect(":", "expected ':' after 'repeat \(iterations)', found \(current.quoted)")
    let firstNode = ir.nodes.count
    let rule: LoopIR.Rule
    if case .name(let word) = current.kind, OptimizerChoice.arities[word] != nil,
      tokens[position + 1].isSymbol("(")
    {
      rule = try parseOptimizer(word)
    } else {
      rule = .assignments(try parseAssignments())
    }
    try expectEndOfStatement(expecting: "';' or end of line")
    var loop = LoopIR(iterations: iterations, until: until, rule: rule, firstNode: firstNode, site: site)
    loop.nodes = Array(ir.nodes[firstNode...])
    ir.nodes.removeSubrange(firstNode...)
    ir.loop = loop
  }

  /// Throws when a statement assigning `name` (at `site`) comes after the `repeat` line.
  func checkNoRepeatYet(assigning name: String, site: SourceRange) throws(ProgramError) {
    guard let loop = ir.loop else { return }
    throw error(
      "'\(name) = …' comes after the repeat line at \(loop.site.line):\(loop.site.column): "
        + "put every computation before it", at: site)
  }

  /// Checks the loop against the rest of the program once the output is known: it must minimise a
  /// scalar (checked with the shapes), the `until` name must be the output, and the program has no
  /// `backward` or `cleargrad` lines, since each iteration runs its own backward pass.
  func checkLoop(output: Int) throws(ProgramError) {
    guard let loop = ir.loop else { return }
    if let pass = passStatements.first {
      throw error(
        "'\(pass.statement == .backward ? "backward" : "cleargrad")' with a repeat line: each iteration "
          + "clears the gradients and runs its own backward pass; remove this line", at: pass.site)
    }
    if let until = loop.until, until.name != ir.nodes[output].name {
      throw error(
        "until compares the loss, the output '\(ir.nodes[output].name)'; '\(until.name)' is not the output",
        at: until.site)
    }
    for parameter in loop.parameters where !ir.depends(output, on: parameter) {
      throw error(
        "the loss '\(ir.nodes[output].name)' does not depend on '\(ir.nodes[parameter].name)', so its "
          + "gradient is always zero", at: loop.site)
    }
  }

  /// The number after `repeat`: a whole number from 1 to `Limits.iterations`.
  private mutating func parseIterationCount() throws(ProgramError) -> Int {
    guard case .number(let text) = current.kind else {
      throw error(
        "expected the number of iterations after 'repeat', as in 'repeat 100: x -= 0.1 * grad(y, x)'",
        at: current.range)
    }
    guard let count = Int(text), (1...Limits.iterations).contains(count) else {
      throw error(
        "repeat takes a whole number of iterations from 1 to \(Limits.grouped(Limits.iterations)), "
          + "not \(text)", at: current.range)
    }
    advance()
    return count
  }

  /// `name < number`, after `until`.
  private mutating func parseUntil() throws(ProgramError) -> (String, Double, SourceRange) {
    guard case .name(let name) = current.kind else {
      throw error("expected the loss's name after 'until', as in 'until loss < 0.01'", at: current.range)
    }
    let site = current.range
    advance()
    _ = try expect("<", "expected '<' after 'until \(name)', as in 'until \(name) < 0.01'")
    let folding = foldingConstants
    foldingConstants = true
    let bound = try parseUnary()
    foldingConstants = folding
    guard let value = bound.constant else {
      throw error("expected a number after 'until \(name) <'", at: bound.range)
    }
    return (name, value, site.through(bound.range))
  }

  /// `name -= expression` updates separated by `;`, to the end of the line.
  private mutating func parseAssignments() throws(ProgramError) -> [LoopIR.Assignment] {
    var assignments = [LoopIR.Assignment]()
    repeat {
      if current.isSymbol(";") { advance() }
      guard current.kind != .end else { break }
      let (parameter, site) = try parseParameter(among: assignments.map(\.parameter))
      guard current.isSymbol("-"), tokens[position + 1].isSymbol("="),
        tokens[position + 1].range.column == current.range.end
      else {
        throw error(
          "expected '-=' after '\(ir.nodes[parameter].name)' in a repeat line, as in "
            + "'\(ir.nodes[parameter].name) -= 0.1 * grad(y, \(ir.nodes[parameter].name))'", at: current.range
        )
      }
      advance()
      advance()
      parsingUpdate = true
      let step = try parseExpression()
      parsingUpdate = false
      assignments.append(
        .init(parameter: parameter, step: try materialize(step), site: site.through(step.range)))
    } while current.isSymbol(";")
    guard !assignments.isEmpty else {
      throw error("expected updates after ':', as in 'x -= 0.1 * grad(y, x)'", at: current.range)
    }
    return assignments
  }

  /// `sgd(lr) a, b`, `momentum(lr, m) a`, `adam(lr, β1, β2, ε) a, b, c`: the optimiser and the
  /// inputs it updates.
  private mutating func parseOptimizer(_ name: String) throws(ProgramError) -> LoopIR.Rule {
    let call = current.range
    advance()
    advance()
    var constants = [Double]()
    let folding = foldingConstants
    foldingConstants = true
    while !current.isSymbol(")") && current.kind != .end {
      let argument = try parseExpression()
      guard let value = argument.constant, value.isFinite else {
        foldingConstants = folding
        throw error("\(name)'s arguments are numbers, as in \(name)(0.01)", at: argument.range)
      }
      constants.append(value)
      guard current.isSymbol(",") else { break }
      advance()
    }
    foldingConstants = folding
    let close = try expect(")", "expected ')' after \(name)'s arguments, found \(current.quoted)")
    let arity = OptimizerChoice.arities[name]!
    guard arity.contains(constants.count) else {
      let usage = [
        "sgd": "sgd(lr)", "momentum": "momentum(lr) or momentum(lr, momentum)",
        "adam": "adam(lr), adam(lr, beta1, beta2) or adam(lr, beta1, beta2, eps)",
      ][name]!
      throw error("\(name) takes \(usage); found \(constants.count) arguments", at: call.through(close.range))
    }
    var parameters = [(node: Int, site: SourceRange)]()
    repeat {
      if current.isSymbol(",") { advance() }
      let (node, site) = try parseParameter(among: parameters.map(\.node))
      parameters.append((node, site))
    } while current.isSymbol(",")
    return .optimizer(OptimizerChoice(name: name, constants: constants), parameters: parameters)
  }

  /// An input's name to update, not already in `earlier`.
  private mutating func parseParameter(among earlier: [Int]) throws(ProgramError) -> (Int, SourceRange) {
    guard case .name(let name) = current.kind else {
      throw error("expected the name of an input to update, found \(current.quoted)", at: current.range)
    }
    let site = current.range
    guard let entry = names[name] else { throw undefinedName(name, at: site) }
    guard case .input = ir.nodes[entry.node].kind else {
      throw error(
        "'\(name)' is computed (at \(entry.site.line):\(entry.site.column)); repeat updates inputs, the "
          + "'name = number' or list lines", at: site)
    }
    if earlier.contains(entry.node) {
      throw error("'\(name)' is updated twice in one repeat line", at: site)
    }
    advance()
    return (entry.node, site)
  }

  /// `grad(y, x)` or `grad(grad(y, x), x)` inside an update expression (the current token is `(`
  /// after `grad`, at `site`): a gradient node, computed each iteration.
  mutating func parseUpdateGradient(site: SourceRange) throws(ProgramError) -> Operand {
    advance()
    try enter("grad")
    defer { depth -= 1 }
    let output: Int
    let outputName: String
    let outputRange: SourceRange
    if current.kind == .name("grad"), tokens[position + 1].isSymbol("(") {
      let inner = current.range
      advance()
      let nested = try parseUpdateGradient(site: inner)
      guard case .node(let node) = nested.value else { preconditionFailure("grad is a node") }
      (output, outputName, outputRange) = (node, "grad(…)", nested.range)
    } else {
      guard case .name(let name) = current.kind, let entry = names[name] else {
        if case .name(let name) = current.kind { throw undefinedName(name, at: current.range) }
        throw error("grad's first argument is a name or grad(…), as in grad(y, x)", at: current.range)
      }
      switch ir.nodes[entry.node].kind {
      case .input, .constant:
        throw error("grad(\(name), …): '\(name)' is an input, not a computed variable", at: current.range)
      case .operation, .gradient: break
      }
      (output, outputName, outputRange) = (entry.node, name, current.range)
      advance()
    }
    _ = try expect(",", "grad takes 2 arguments, grad(y, x); expected ',' after the first")
    guard case .name(let inputName) = current.kind, let input = names[inputName] else {
      if case .name(let name) = current.kind { throw undefinedName(name, at: current.range) }
      throw error("grad's second argument is an input's name, as in grad(y, x)", at: current.range)
    }
    guard case .input = ir.nodes[input.node].kind else {
      throw error(
        "grad(\(outputName), \(inputName)): '\(inputName)' is not an input; grad differentiates with "
          + "respect to an input", at: current.range)
    }
    guard ir.depends(output, on: input.node) else {
      throw error(
        "grad(\(outputName), \(inputName)): it does not depend on '\(inputName)', so the gradient would "
          + "be zero", at: outputRange)
    }
    advance()
    let close = try expect(")", "expected ')' after grad's 2 arguments, found \(current.quoted)")
    let range = site.through(close.range)
    let node = try append(
      .init(kind: .gradient(of: output, withRespectTo: input.node), name: "", site: range))
    return Operand(value: .node(node), range: range)
  }
}
