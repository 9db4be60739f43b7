/// Splits one line of program text into tokens; a `#` starts a comment that runs to the end of the line.
enum Lexer {
  /// The tokens of `line` (line number `number`), ending with an `.end` token.
  ///
  /// - Throws: `ProgramError` for a character that cannot start a token, or a malformed number.
  static func tokens(of line: Substring, number: Int, in source: SourceText) throws(ProgramError) -> [Token] {
    let scanned = line.utf8.withContiguousStorageIfAvailable { bytes in
      Result { () throws(ProgramError) in
        try tokens(LineCursor(line, bytes: bytes), number: number, in: source)
      }
    }
    guard let scanned else {
      var copy = String(line)
      copy.makeContiguousUTF8()
      return try tokens(of: copy[...], number: number, in: source)
    }
    return try scanned.get()
  }

  /// The tokens from `cursor` to the end of its line.
  private static func tokens(_ cursor: LineCursor, number: Int, in source: SourceText) throws(ProgramError)
    -> [Token]
  {
    var cursor = cursor
    var tokens = [Token]()
    func range(_ start: Int) -> SourceRange {
      SourceRange(line: number, column: start, length: cursor.column - start)
    }
    scan: while let kind = cursor.kind {
      let start = cursor.column
      guard tokens.count < Limits.tokensPerLine else {
        throw source.error(
          "line \(number) has more than \(Limits.grouped(Limits.tokensPerLine)) tokens, GradStep's limit",
          at: SourceRange(line: number, column: start, length: 1))
      }
      let first = cursor.position
      switch kind {
      case .comment:
        break scan
      case .space:
        cursor.advance()
      case .symbol:
        let symbol = cursor.character
        cursor.advance()
        tokens.append(Token(kind: .symbol(symbol), range: range(start)))
      case .letter:
        while cursor.kind == .letter || cursor.kind == .digit { cursor.advance() }
        tokens.append(Token(kind: .name(cursor.text(from: first)), range: range(start)))
      case .digit, .dot:
        let text = scanNumber(&cursor)
        guard isWellFormedNumber(text) else {
          if case .name(let receiver)? = tokens.last?.kind, text.hasPrefix("."),
            text.dropFirst().first?.isLetter == true
          {
            throw source.error(
              PythonSpelling.hint(receiver: receiver, member: String(text.dropFirst())), at: range(start))
          }
          throw source.error("malformed number '\(text)'\(multiplicationHint(text))", at: range(start))
        }
        tokens.append(Token(kind: .number(text), range: range(start)))
      case .other:
        let hint = cursor.character == "@" ? ": write a matrix product as 'matmul(a, b)'" : ""
        throw source.error(
          "unexpected character \(describe(cursor.character))\(hint)",
          at: SourceRange(line: number, column: start, length: 1))
      }
    }
    tokens.append(Token(kind: .end, range: SourceRange(line: number, column: cursor.column, length: 1)))
    return tokens
  }

  /// Reads digits, an optional fraction and an optional exponent (`12`, `.5`, `1.5e-3`), plus any letters
  /// or digits glued to it, so that `1e` or `2.5.1` is reported whole.
  private static func scanNumber(_ cursor: inout LineCursor) -> String {
    let first = cursor.position
    var previous: UInt8 = 0
    while let kind = cursor.kind {
      let exponentSign =
        (cursor.ascii == UInt8(ascii: "+") || cursor.ascii == UInt8(ascii: "-"))
        && (previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E"))
      guard kind == .digit || kind == .dot || kind == .letter || exponentSign else { break }
      previous = cursor.ascii
      cursor.advance()
    }
    return cursor.text(from: first)
  }

  private static func isDigit(_ character: Character) -> Bool {
    ("0"..."9").contains(character)
  }

  /// `'@'`, or `U+0007` for a character that does not print.
  private static func describe(_ character: Character) -> String {
    let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .surrogate, .privateUse, .unassigned]
    let scalars = character.unicodeScalars
    guard scalars.contains(where: { invisible.contains($0.properties.generalCategory) }) else {
      return "'\(character)'"
    }
    return scalars.map { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }.joined(separator: " ")
  }

  /// For a number glued to a name (`2x`), a hint to write the multiplication; otherwise "".
  private static func multiplicationHint(_ text: String) -> String {
    let number = text.prefix { isDigit($0) || $0 == "." }
    let name = text.dropFirst(number.count)
    guard isWellFormedNumber(String(number)), !name.contains("."), let letter = name.first, letter != "e",
      letter != "E"
    else {
      return ""
    }
    return "; to multiply, write '\(number) * \(name)'"
  }

  /// Whether `text` is digits with an optional fraction and exponent: `12`, `.5`, `3.`, `1.5e-3`.
  static func isWellFormedNumber(_ text: String) -> Bool {
    var rest = Substring(text)
    let whole = rest.prefix(while: isDigit)
    rest = rest.dropFirst(whole.count)
    var fraction = Substring()
    if rest.first == "." {
      fraction = rest.dropFirst().prefix(while: isDigit)
      rest = rest.dropFirst(1 + fraction.count)
    }
    guard !whole.isEmpty || !fraction.isEmpty else { return false }
    guard let marker = rest.first else { return true }
    guard marker == "e" || marker == "E" else { return false }
    rest = rest.dropFirst()
    if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
    return !rest.isEmpty && rest.allSatisfy(isDigit)
  }
}
