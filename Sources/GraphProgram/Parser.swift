import Autodiff

/// Reads program text line by line into a `ProgramIR`, stopping at the first error.
///
/// A recursive-descent parser over one line's tokens at a time. Nodes are appended as soon as an
/// expression is complete, so the node list is already in evaluation order.
struct Parser {
  let source: SourceText
  let overrides: [String: Tensor]
  var ir = ProgramIR()
  /// Each assigned name: its node and where it was assigned.
  var names: [String: (node: Int, site: SourceRange)] = [:]
  /// The assigned names in statement order.
  var assignedNames: [String] = []
  /// The `output` line, when there is one: the name, where the name is, where the line starts.
  var outputLine: (name: String, site: SourceRange, start: SourceRange)?
  /// The `backward` and `cleargrad` lines, with where each is.
  var passStatements: [(statement: PassStatement, site: SourceRange)] = []
  var tokens: [Token] = []
  var position = 0
  /// How deeply the current expression is nested (see `Limits.nesting`).
  var depth = 0
  /// Whether constant sub-expressions fold to numbers (inside an exponent) instead of becoming nodes.
  var foldingConstants = false
  /// Whether the expression being parsed is a `repeat` line's update, where `grad(…)` may appear.
  var parsingUpdate = false

  init(source: SourceText, overrides: [String: Tensor]) {
    self.source = source
    self.overrides = overrides
    let statements = min(source.statementBound, Limits.variables)
    names.reserveCapacity(statements)
    assignedNames.reserveCapacity(statements)
  }

  // MARK: Tokens

  var current: Token { tokens[position] }

  /// The token before the current one, for messages like "expected an expression after '+'".
  var previous: Token? { position > 0 ? tokens[position - 1] : nil }

  mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  /// An error at `range` on the current line.
  func error(_ message: String, at range: SourceRange) -> ProgramError {
    source.error(message, at: range)
  }

  /// Consumes the symbol `symbol`, or throws `message` at the current token.
  mutating func expect(_ symbol: Character, _ message: String) throws(ProgramError) -> Token {
    guard current.isSymbol(symbol) else { throw error(message, at: current.range) }
    defer { advance() }
    return current
  }

  /// Goes one nesting level deeper (the caller leaves with `depth -= 1`), or throws when that is
  /// deeper than `Limits.nesting`, so deep nesting is an error rather than a stack overflow.
  mutating func enter(_ what: String) throws(ProgramError) {
    guard depth < Limits.nesting else {
      throw error("\(what) nested too deeply (more than \(Limits.nesting) levels)", at: current.range)
    }
    depth += 1
  }

  // MARK: Program and statements

  /// Parses every line and resolves the output.
  mutating func parseProgram() throws(ProgramError) -> ProgramIR {
    for (offset, line) in source.lines.enumerated() {
      tokens = try Lexer.tokens(of: line, number: offset + 1, in: source)
      position = 0
      while current.kind != .end {
        if current.isSymbol(";") {
          advance()
          continue
        }
        try parseStatement()
      }
    }
    ir.output = try resolveOutput()
    try checkLoop(output: ir.output)
    ir.passes = try resolvePassStatements()
    return ir
  }

  /// `output name` or `name = value`.
  mutating func parseStatement() throws(ProgramError) {
    guard case .name(let name) = current.kind else {
      throw error("expected a name at the start of a statement, found \(current.quoted)", at: current.range)
    }
    let site = current.range
    advance()
    if name == "output", !current.isSymbol("=") {
      try parseOutput(site: site)
      return
    }
    if Parser.isPassStatement(name), !current.isSymbol("=") {
      try parsePassStatement(name, site: site)
      return
    }
    if Parser.isRepeat(name), !current.isSymbol("=") {
      try parseRepeat(site: site)
      return
    }
    _ = try expect("=", "expected '=' after '\(name)', found \(current.quoted)")
    try checkNoPassStatementYet(assigning: name, site: site)
    try checkNoRepeatYet(assigning: name, site: site)
    if let first = names[name] {
      throw error(
        "\(name) is assigned twice; first at \(first.site.line):\(first.site.column)", at: site)
    }
    if current.isSymbol("[") {
      let literal = try parseList()
      try expectEndOfStatement(expecting: "';' or end of line after the list")
      try declareInput(name, literal, site: site)
      return
    }
    let firstNew = ir.nodes.count
    let value = try parseExpression()
    try expectEndOfStatement(expecting: "an operator, ';' or end of line")
    switch value.value {
    case .constant(let number, _):
      try declareInput(name, Tensor(number), site: site)
    case .node(let node) where node >= firstNew:
      nameStatement(name, root: node, firstNew: firstNew, site: site)
    case .node:
      throw error(
        "'\(name) = …' computes nothing: give '\(name)' an operation, or use 'output' to pick a result",
        at: value.range)
    }
  }

  /// `output name`, after the word `output`.
  mutating func parseOutput(site: SourceRange) throws(ProgramError) {
    guard case .name(let target) = current.kind else {
      throw error("expected a name after 'output', found \(current.quoted)", at: current.range)
    }
    let targetRange = current.range
    advance()
    try expectEndOfStatement(expecting: "';' or end of line after 'output \(target)'")
    if let first = outputLine {
      throw error("output is given twice; first at \(first.start.line):\(first.start.column)", at: site)
    }
    outputLine = (target, targetRange, site)
  }

  /// Throws "expected `expecting`, found …" unless the statement ends here (`;` or end of line).
  func expectEndOfStatement(expecting: String) throws(ProgramError) {
    guard current.kind == .end || current.isSymbol(";") else {
      throw error("expected \(expecting), found \(current.quoted)", at: current.range)
    }
  }

  /// Records input `name` with its literal value, or the value `--set` gave it, which must have the
  /// literal's shape.
  mutating func declareInput(_ name: String, _ literal: Tensor, site: SourceRange) throws(ProgramError) {
    let value = overrides[name] ?? literal
    guard value.shape == literal.shape else {
      throw error(
        "--set \(name) has shape \(formatShape(value.shape)), but input '\(name)' has shape "
          + "\(formatShape(literal.shape)); give a value of the same shape", at: site)
    }
    let node = try append(.init(kind: .input(value), name: name, site: site))
    ir.inputs.append(node)
    assign(name, node: node, site: site)
  }

  /// Appends `node` and returns its index, or throws when the program would have more than
  /// `Limits.variables` variables.
  mutating func append(_ node: ProgramIR.Node) throws(ProgramError) -> Int {
    guard ir.nodes.count < Limits.variables else {
      throw error(
        "the program has more than \(Limits.grouped(Limits.variables)) variables (inputs, constants and "
          + "results), GradStep's limit", at: node.site)
    }
    ir.nodes.append(node)
    return ir.nodes.count - 1
  }

  /// Names a statement's nodes: the root gets `name`, the other ops `name#1`, `name#2`, … in
  /// evaluation order, and its constants `name#c1`, `name#c2`, … (unique, unlike their text; the
  /// screens still write them by value in expressions).
  mutating func nameStatement(_ name: String, root: Int, firstNew: Int, site: SourceRange) {
    var count = 0
    var constants = 0
    for node in firstNew..<root {
      switch ir.nodes[node].kind {
      case .operation, .gradient:
        count += 1
        ir.nodes[node].name = "\(name)#\(count)"
      case .constant:
        constants += 1
        ir.nodes[node].name = "\(name)#c\(constants)"
      case .input:
        continue
      }
    }
    ir.nodes[root].name = name
    assign(name, node: root, site: site)
  }

  mutating func assign(_ name: String, node: Int, site: SourceRange) {
    names[name] = (node, site)
    assignedNames.append(name)
  }
}
