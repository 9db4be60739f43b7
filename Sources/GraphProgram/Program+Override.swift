import Autodiff

extension Program {
  /// Parses a command-line override such as `x=0.7`, `x = -1e-3` or `v=[1, 2]` into a name and a value
  /// (for `parse(_:overrides:)`).
  ///
  /// - Throws: `ProgramError` located in `argument` (line 1), to render with a file name like `--set`.
  public static func parseOverride(_ argument: String) throws(ProgramError) -> (name: String, value: Tensor) {
    var parser = Parser(source: SourceText(singleLine: argument), overrides: [:])
    return try parser.parseOverride()
  }
}

extension Parser {
  /// `name = number` or `name = list`, the whole line.
  mutating func parseOverride() throws(ProgramError) -> (name: String, value: Tensor) {
    tokens = try Lexer.tokens(of: source.lines[0], number: 1, in: source)
    guard case .name(let name) = current.kind else {
      throw error("expected 'name=value', as in x=0.7 or v=[1,2]; found \(current.quoted)", at: current.range)
    }
    advance()
    _ = try expect("=", "expected '=' after '\(name)', found \(current.quoted)")
    let value = current.isSymbol("[") ? try parseList() : Tensor(try parseNumber(in: "the value"))
    guard current.kind == .end else {
      throw error("expected end of the value, found \(current.quoted)", at: current.range)
    }
    return (name, value)
  }
}
