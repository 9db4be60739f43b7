/// Walks one line of program text a character at a time, for the lexer.
///
/// Columns count characters (grapheme clusters), as the error messages do; positions are byte
/// offsets into the line's UTF-8. An ASCII byte followed by another ASCII byte (or the end) is a
/// whole character, so it is read straight from the bytes and classified by a table (except `\r\n`,
/// one character of two ASCII bytes, found only in a single-line text such as a `--set` argument);
/// anything else goes through `Character` and its Unicode properties.
struct LineCursor {
  /// What a character can start or continue.
  enum Class: Equatable {
    /// Whitespace or a byte-order mark: skipped.
    case space
    /// One of `+ - * / ^ ( ) [ ] , = ;`.
    case symbol
    /// A letter or `_`: starts or continues a name.
    case letter
    /// `0`–`9`.
    case digit
    /// `.`: starts a number such as `.5`.
    case dot
    /// `#`: starts a comment.
    case comment
    /// Anything else: cannot start a token.
    case other
  }

  private let line: Substring
  /// The line's UTF-8 bytes.
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The byte offset where the current character starts.
  private(set) var position = 0
  /// The byte offset where the next character starts.
  private var following = 0
  /// The 1-based column of the current character.
  private(set) var column = 1
  /// The current character's class; `nil` at the end of the line.
  private(set) var kind: Class?
  /// The current character's byte when it is a whole ASCII character, else 0.
  private(set) var ascii: UInt8 = 0

  /// A cursor at the start of `line`, whose UTF-8 bytes are `bytes` (valid while it is used).
  init(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>) {
    self.line = line
    self.bytes = bytes
    load()
  }

  /// The current character (at the end of the line, a space).
  var character: Character {
    guard position < bytes.count else { return " " }
    return ascii != 0 ? Character(Unicode.Scalar(ascii)) : line[index(position)]
  }

  /// The text from byte offset `start` up to the current character.
  func text(from start: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
  }

  /// Moves to the next character.
  mutating func advance() {
    guard position < bytes.count else { return }
    position = following
    column += 1
    load()
  }

  private func index(_ offset: Int) -> String.Index {
    line.utf8.index(line.startIndex, offsetBy: offset)
  }

  private mutating func load() {
    guard position < bytes.count else {
      kind = nil
      ascii = 0
      return
    }
    let byte = bytes[position]
    let next = position + 1
    let isWholeCharacter =
      byte < 0x80 && (next == bytes.count || (bytes[next] < 0x80 && (byte != 0x0D || bytes[next] != 0x0A)))
    if isWholeCharacter {
      ascii = byte
      following = next
      kind = Self.asciiClasses[Int(byte)]
    } else {
      let start = index(position)
      let character = line[start]
      following = position + line.utf8.distance(from: start, to: line.index(after: start))
      if following == next, byte < 0x80 {
        // An ASCII character before a non-ASCII one (the `1` of `1é`): classified as ASCII.
        ascii = byte
        kind = Self.asciiClasses[Int(byte)]
        return
      }
      ascii = 0
      kind =
        if character.isWhitespace || character == "\u{FEFF}" {
          .space
        } else if character.isLetter {
          .letter
        } else {
          .other
        }
    }
  }

  /// The class of each ASCII byte.
  private static let asciiClasses: [Class] = (0..<128).map { (value: Int) -> Class in
    let character = Character(Unicode.Scalar(UInt8(value)))
    switch character {
    case "#": return .comment
    case ".": return .dot
    case "0"..."9": return .digit
    case "a"..."z", "A"..."Z", "_": return .letter
    case "+", "-", "*", "/", "^", "(", ")", "[", "]", ",", "=", ";", ":", "<": return .symbol
    default: return character.isWhitespace ? .space : .other
    }
  }
}
