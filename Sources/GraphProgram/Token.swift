/// One word of a program line: a name, a number, a symbol, or the end of the line.
struct Token: Equatable {
  enum Kind: Equatable {
    /// An identifier: a letter or `_`, then letters, digits and `_`.
    case name(String)
    /// A number as written (`2`, `0.5`, `1e-3`); never negative, the minus is a symbol.
    case number(String)
    /// One of `+ - * / ^ ( ) [ ] , = ;`.
    case symbol(Character)
    /// The end of the line (or the start of a `#` comment).
    case end
  }

  var kind: Kind
  var range: SourceRange

  /// Whether this is the symbol `symbol`.
  func isSymbol(_ symbol: Character) -> Bool { kind == .symbol(symbol) }

  /// The token as messages name it: `'+'`, `name 'x'`, `number '2'`, `end of line`.
  var quoted: String {
    switch kind {
    case .name(let text): "name '\(text)'"
    case .number(let text): "number '\(text)'"
    case .symbol(let symbol): "'\(symbol)'"
    case .end: "end of line"
    }
  }
}
