extension Key {
  /// Reads a key script, as given to `gradstep --headless --keys KEYS`: each character stands for
  /// itself (a newline for Enter, a tab for Tab), and a name in angle brackets for a special key:
  /// `<left> <right> <up> <down> <S-left> <S-right> <S-up> <S-down> <home> <end> <pgup> <pgdn>
  /// <tab> <backtab> <enter> <esc> <space> <lt>` (`<lt>` is a literal `<`), or `<click:X,Y>` for a
  /// mouse click on column X, row Y (zero-based).
  ///
  /// - Throws: ``KeyScriptError`` for an unknown name or a `<` without its `>`.
  public static func parseScript(_ script: String) throws(KeyScriptError) -> [Key] {
    var keys: [Key] = []
    let characters = Array(script)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      guard character == "<" else {
        keys.append(plain(character))
        index += 1
        continue
      }
      guard let close = characters[index...].firstIndex(of: ">") else {
        throw KeyScriptError(reason: .unclosedBracket, column: index + 1)
      }
      let name = String(characters[(index + 1)..<close])
      guard let key = named(name) else {
        throw KeyScriptError(reason: .unknownName(name), column: index + 1)
      }
      keys.append(key)
      index = close + 1
    }
    return keys
  }

  /// The key a plain character in a script stands for.
  private static func plain(_ character: Character) -> Key {
    switch character {
    case "\n", "\r", "\r\n": .enter
    case "\t": .tab
    case "\u{1B}": .escape
    default: .character(character)
    }
  }

  /// The key called `name` (without brackets), or `nil` if there is none.
  private static func named(_ name: String) -> Key? {
    if let entry = names.first(where: { $0.name == name }) { return entry.key }
    if name.hasPrefix("edit:") { return edit(name.dropFirst("edit:".count)) }
    guard name.hasPrefix("click:") else { return nil }
    let coordinates = name.dropFirst("click:".count).split(separator: ",", omittingEmptySubsequences: false)
    guard coordinates.count == 2, let x = Int(coordinates[0]), let y = Int(coordinates[1]),
      x >= 0, y >= 0
    else { return nil }
    return .click(x: x, y: y)
  }

  /// The edit `<edit:VALUE>` or `<edit:NAME=VALUE>` writes (a value never holds `=`); `nil` when
  /// NAME is empty.
  private static func edit(_ text: Substring) -> Key? {
    guard let equals = text.firstIndex(of: "=") else { return .edit(variable: nil, value: String(text)) }
    let variable = String(text[..<equals])
    guard !variable.isEmpty else { return nil }
    return .edit(variable: variable, value: String(text[text.index(after: equals)...]))
  }
}

/// Why a key script could not be read, and where.
public struct KeyScriptError: Error, Equatable, CustomStringConvertible {
  /// What is wrong.
  public enum Reason: Equatable, Sendable {
    /// `<name>` is not a key name; the associated value is the name without brackets.
    case unknownName(String)
    /// A `<` with no `>` after it.
    case unclosedBracket
  }

  /// What is wrong.
  public let reason: Reason
  /// The column (1-based, in characters) of the offending `<`.
  public let column: Int

  /// An error for `reason` at `column` (1-based).
  public init(reason: Reason, column: Int) {
    self.reason = reason
    self.column = column
  }

  /// A one-line message naming the problem, its column, and the names that are known.
  public var description: String {
    let known = (Key.names.map { "<\($0.name)>" } + ["<click:X,Y>", "<edit:VALUE>", "<edit:NAME=VALUE>"])
      .joined(separator: ", ")
    switch reason {
    case .unknownName(let name):
      return "unknown key name <\(name)> at column \(column) of --keys; known names: \(known)"
    case .unclosedBracket:
      return "unclosed < at column \(column) of --keys (write <lt> for a literal <); "
        + "known names: \(known)"
    }
  }
}
