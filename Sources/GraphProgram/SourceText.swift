/// Program text and its lines, for the parser and for quoting a line under an error.
///
/// Every newline character Swift knows (`\n`, `\r\n`, `\r`, `\u{0B}`, `\u{0C}`, U+0085, U+2028,
/// U+2029) ends a line. Lines are found on the UTF-8 bytes as they are needed, never stored, so a
/// text of many short lines costs no memory per line; quoting a line for an error scans to it.
struct SourceText {
  /// The whole text.
  let text: String
  /// Whether the text is one line whatever it contains (a command-line argument).
  let isSingleLine: Bool

  init(_ text: String) {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    self.text = contiguous
    isSingleLine = false
  }

  /// `text` as one line, line breaks and all (for a command-line argument).
  init(singleLine text: String) {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    self.text = contiguous
    isSingleLine = true
  }

  /// At most how many statements the text can hold: its line breaks and `;`s, plus one.
  var statementBound: Int {
    let separators = text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.reduce(into: 0) { count, byte in
        if byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ";") { count += 1 }
      }
    }
    return (separators ?? text.utf8.count) + 1
  }

  /// The lines in order, without their line breaks; an empty text has one empty line.
  var lines: Lines { Lines(source: self) }

  /// The text of 1-based line `number`, or "" when there is no such line.
  func line(_ number: Int) -> String {
    guard number >= 1 else { return "" }
    for (index, line) in lines.enumerated() where index == number - 1 { return String(line) }
    return ""
  }

  /// An error at `range`, quoting its line.
  func error(_ message: String, at range: SourceRange) -> ProgramError {
    ProgramError(
      line: range.line, column: range.column, length: range.length, message: message,
      lineText: line(range.line))
  }

  /// The lines of a `SourceText`, found one at a time.
  struct Lines: Sequence, IteratorProtocol {
    let source: SourceText
    /// The byte offset where the next line starts, or `nil` after the last line.
    private var offset: Int? = 0

    init(source: SourceText) {
      self.source = source
    }

    mutating func next() -> Substring? {
      guard let start = offset else { return nil }
      let text = source.text
      guard !source.isSingleLine else {
        offset = nil
        return text[...]
      }
      let (end, nextStart) =
        text.utf8.withContiguousStorageIfAvailable { Self.lineBreak(in: $0, from: start) }
        ?? Array(text.utf8).withUnsafeBufferPointer { Self.lineBreak(in: $0, from: start) }
      offset = nextStart
      let utf8 = text.utf8
      let from = utf8.index(utf8.startIndex, offsetBy: start)
      let to = utf8.index(from, offsetBy: end - start)
      return text[from..<to]
    }

    /// Where the line starting at `start` ends, and where the next one starts (`nil` when this is
    /// the last line).
    private static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
      -> (end: Int, next: Int?)
    {
      let count = bytes.count
      var offset = start
      while offset < count {
        let byte = bytes[offset]
        func at(_ delta: Int) -> UInt8? { offset + delta < count ? bytes[offset + delta] : nil }
        switch byte {
        case 0x0A, 0x0B, 0x0C: return (offset, offset + 1)
        case 0x0D: return (offset, at(1) == 0x0A ? offset + 2 : offset + 1)
        case 0xC2 where at(1) == 0x85: return (offset, offset + 2)
        case 0xE2 where at(1) == 0x80 && (at(2) == 0xA8 || at(2) == 0xA9): return (offset, offset + 3)
        default: offset += 1
        }
      }
      return (count, nil)
    }
  }
}
