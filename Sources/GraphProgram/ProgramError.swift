/// A problem found in a program before anything runs, with where it is.
///
/// `render(fileName:)` prints it as a compiler does, the line quoted and a caret under the spot:
/// ```
/// seed.grad:3:9: error: undefined name 'c'
///   b = exp(c)
///           ^
/// ```
/// An error that is not in the program text (such as `--set` naming a name that is not an input) has
/// `line` 0 and renders as `seed.grad: error: …`.
public struct ProgramError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The 1-based line, or 0 when the error is not located in the text.
  public var line: Int
  /// The 1-based column, counted in characters.
  public var column: Int
  /// How many characters the error covers (at least 1); rendered as `^~~~`.
  public var length: Int
  /// What is wrong, in words.
  public var message: String
  /// The text of the line the error is on.
  public var lineText: String

  /// An error at `line`:`column` covering `length` characters of `lineText`.
  public init(line: Int, column: Int, length: Int = 1, message: String, lineText: String) {
    self.line = line
    self.column = column
    self.length = max(1, length)
    self.message = message
    self.lineText = lineText
  }

  /// An error that is not located in the program text.
  public init(message: String) {
    self.init(line: 0, column: 0, message: message, lineText: "")
  }

  /// The error as a compiler prints it, without a file name.
  public var description: String { render() }

  /// The error as a compiler prints it: `file:line:column: error: message`, then the line and a caret.
  ///
  /// The message keeps short: a word (a name or number quoted from the program) longer than
  /// `longestWord` characters is shown as its start, `…` and its end. Lines longer than 120
  /// characters are cut to a window around the caret, marked with `…`.
  public func render(fileName: String? = nil) -> String {
    let place = [fileName, line > 0 ? "\(line):\(column)" : nil].compactMap { $0 }.joined(separator: ":")
    let header = (place.isEmpty ? "" : place + ": ") + "error: " + Self.shortened(message)
    guard line > 0 else { return header }
    let excerpt = LineExcerpt(lineText, column: column, length: length)
    let marker =
      String(repeating: " ", count: excerpt.caretOffset) + "^"
      + String(repeating: "~", count: excerpt.underline - 1)
    return header + "\n  " + excerpt.text + "\n  " + marker
  }

  /// The most characters of one word shown in a rendered message.
  public static let longestWord = 60

  /// `message` with each word (a run of letters, digits, `_` and `.`) longer than `longestWord`
  /// shortened to its first 50 and last 9 characters around `…`.
  static func shortened(_ message: String) -> String {
    func isWordPart(_ character: Character) -> Bool {
      character.isLetter || character.isNumber || character == "_" || character == "."
    }
    var result = ""
    var word = ""
    func flush() {
      result += word.count > longestWord ? word.prefix(50) + "…" + word.suffix(9) : word
      word = ""
    }
    for character in message {
      if isWordPart(character) {
        word.append(character)
      } else {
        flush()
        result.append(character)
      }
    }
    flush()
    return result
  }
}
