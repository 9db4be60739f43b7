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

  /// Parses several overrides (`--set` repeated) as `parseOverride(_:)` does, into the dictionary
  /// `parse(_:overrides:)` takes.
  ///
  /// - Throws: `ProgramError` for the first bad argument, or for a name given twice (located in the
  ///   second argument, naming the first): `x=1` then `x=2` is an error, not a silent choice.
  public static func parseOverrides(_ arguments: [String]) throws(ProgramError) -> [String: Tensor] {
    var overrides = [String: Tensor]()
    var firstArgument = [String: String]()
    for argument in arguments {
      let (name, value) = try parseOverride(argument)
      if let first = firstArgument[name] {
        let source = SourceText(singleLine: argument)
        let start = argument.firstIndex { !$0.isWhitespace } ?? argument.startIndex
        let column = argument.distance(from: argument.startIndex, to: start) + 1
        throw source.error(
          "'\(name)' is set twice: first \(first), then \(argument); give each input one value",
          at: SourceRange(line: 1, column: column, length: name.count))
      }
      firstArgument[name] = argument
      overrides[name] = value
    }
    return overrides
  }
}

extension Parser {
  /// `name = number` or `name = list`, the whole line. The name may also be a model's input name
  /// that is not an identifier of the language (`input.1`, `onnx::Gemm_0`, `/l1/Gemm_output_0`).
  mutating func parseOverride() throws(ProgramError) -> (name: String, value: Tensor) {
    let name: String
    if let (modelName, blanked) = Self.modelInputName(in: source.text) {
      // Lexed with the name blanked out, so the value's columns stay those of the argument.
      tokens = try Lexer.tokens(of: blanked[...], number: 1, in: source)
      name = modelName
    } else {
      tokens = try Lexer.tokens(of: source.text[...], number: 1, in: source)
      guard case .name(let identifier) = current.kind else {
        throw error(
          "expected 'name=value', as in x=0.7 or v=[1,2]; found \(current.quoted)", at: current.range)
      }
      name = identifier
      advance()
    }
    _ = try expect("=", "expected '=' after '\(name)', found \(current.quoted)")
    let value = current.isSymbol("[") ? try parseList() : Tensor(try parseNumber(in: "the value"))
    guard current.kind == .end else {
      throw error("expected end of the value, found \(current.quoted)", at: current.range)
    }
    return (name, value)
  }

  /// The characters of a model's input name beyond an identifier's: ONNX names such as
  /// `input.1`, `onnx::Gemm_0` or `/l1/Gemm_output_0`.
  private static let modelNameCharacters = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/-")

  /// When `argument` starts with a name that is not an identifier but a model's input name
  /// (`input.1=[…]`), that name and the argument with the name replaced by spaces; `nil` otherwise.
  private static func modelInputName(in argument: String) -> (name: String, blanked: String)? {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let prefix = argument[..<equals]
    let name = String(prefix.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    guard !name.isEmpty, name.allSatisfy(modelNameCharacters.contains),
      name.contains(where: { ".:/-".contains($0) })
    else { return nil }
    return (name, String(repeating: " ", count: prefix.count) + argument[equals...])
  }
}
