/// Decoding program bytes as UTF-8, with the place of the first invalid byte as an error.
enum UTF8Check {
  /// The text of `bytes`.
  ///
  /// - Throws: `ProgramError` at the line and column (in characters) where the first invalid byte
  ///   sequence starts, giving its byte offset.
  static func decode(_ bytes: [UInt8]) throws(ProgramError) -> String {
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
