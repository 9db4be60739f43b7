/// Decoding program bytes as UTF-8, with the place of the first invalid byte as an error.
enum UTF8Check {
  /// The text of `bytes`.
  ///
  /// - Throws: `ProgramError` for text that is UTF-16 (named as such, with how to convert it), or
  ///   at the line and column (in characters) where the first invalid byte sequence starts, giving
  ///   its byte offset.
  static func decode(_ bytes: [UInt8]) throws(ProgramError) -> String {
    if let (encoding, bigEndian) = utf16Encoding(bytes) {
      throw ProgramError(
        line: 1, column: 1,
        message:
          "the program is \(encoding), not UTF-8: save it as UTF-8 (iconv -f UTF-16 -t UTF-8 FILE > NEW)",
        lineText: firstLine(ofUTF16: bytes, bigEndian: bigEndian))
    }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    let offset = firstInvalidOffset(bytes)
    var line = 0
    var column = 1
    for text in SourceText(String(decoding: bytes[..<offset], as: UTF8.self)).lines {
      line += 1
      column = text.count + 1
    }
    let lineText = SourceText(String(decoding: bytes, as: UTF8.self)).line(line)
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    throw ProgramError(
      line: line, column: column,
      message: "invalid UTF-8: byte 0x\(byte.count < 2 ? "0" : "")\(byte) at offset \(offset)",
      lineText: lineText)
  }

  /// `UTF-16LE with a byte-order mark` and the like when `bytes` look like UTF-16: they start with
  /// its byte-order mark, or their first pairs (up to 8) each hold one zero byte, always on the same
  /// side (ASCII text in UTF-16, which is otherwise valid UTF-8 full of U+0000).
  private static func utf16Encoding(_ bytes: [UInt8]) -> (name: String, bigEndian: Bool)? {
    if bytes.starts(with: [0xFF, 0xFE]) {
      return ("UTF-16LE (it starts with a UTF-16 byte-order mark)", false)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return ("UTF-16BE (it starts with a UTF-16 byte-order mark)", true)
    }
    let pairs = stride(from: 0, to: min(bytes.count, 16) - 1, by: 2).map { (bytes[$0], bytes[$0 + 1]) }
    guard !pairs.isEmpty else { return nil }
    if pairs.allSatisfy({ $0.0 != 0 && $0.1 == 0 }) { return ("UTF-16LE (every other byte is zero)", false) }
    if pairs.allSatisfy({ $0.0 == 0 && $0.1 != 0 }) { return ("UTF-16BE (every other byte is zero)", true) }
    return nil
  }

  /// The first line of `bytes` read as UTF-16 (after any byte-order mark), to quote in the error.
  private static func firstLine(ofUTF16 bytes: [UInt8], bigEndian: Bool) -> String {
    var units = [UInt16]()
    for offset in stride(from: 0, to: min(bytes.count, 400) - 1, by: 2) {
      let (high, low) = bigEndian ? (bytes[offset], bytes[offset + 1]) : (bytes[offset + 1], bytes[offset])
      units.append(UInt16(high) << 8 | UInt16(low))
    }
    let text = String(decoding: units.drop { $0 == 0xFEFF }, as: UTF16.self)
    return String(text.prefix { !$0.isNewline })
  }

  /// The byte offset where the first invalid sequence starts (`bytes.count` when there is none).
  private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return offset
      case .emptyInput: return offset
      }
    }
  }
}
