import Autodiff
import GraphProgram
import Testing

/// Errors that blame the right thing: the character after an ASCII one is the one that is wrong
/// (`1é`, `=é`), and a UTF-16 file is named as UTF-16, not as invalid UTF-8.
@Suite struct EncodingAndCharacterErrorTests {
  private func error(_ body: () throws(ProgramError) -> Any) -> ProgramError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error
    }
  }

  @Test func aNumberGluedToANonASCIILetterIsReportedWhole() throws {
    let set = try #require(error { () throws(ProgramError) in try Program.parseOverride("x=1é") })
    #expect(set.column == 3 && set.length == 2)
    #expect(set.message.hasPrefix("malformed number '1é'"), "\(set.message)")
  }

  @Test(arguments: [
    ("x = 2\ny =é", 2, 4, "undefined name 'é'"),
    ("x = 2\ny = x+€", 2, 7, "unexpected character '€'"),
    ("x = [1,é]", 1, 8, "expected a number in the list, found name 'é'"),
  ])
  func theNonASCIICharacterIsBlamedNotTheOneBefore(text: String, line: Int, column: Int, message: String)
    throws
  {
    let found = try #require(error { () throws(ProgramError) in try Program.parse(text) })
    #expect(found.line == line && found.column == column, "\(found)")
    #expect(found.message.hasPrefix(message), "\(found.message)")
  }

  @Test(arguments: [
    (
      [0xFF, 0xFE] + EncodingAndCharacterErrorTests.utf16("x = 1\ny = x*x\n", bigEndian: false),
      "UTF-16LE (it starts with a UTF-16 byte-order mark)"
    ),
    (
      [0xFE, 0xFF] + EncodingAndCharacterErrorTests.utf16("x = 1\n", bigEndian: true),
      "UTF-16BE (it starts with a UTF-16 byte-order mark)"
    ),
    (
      EncodingAndCharacterErrorTests.utf16("x = 1\ny = x*x\n", bigEndian: false),
      "UTF-16LE (every other byte is zero)"
    ),
    (
      EncodingAndCharacterErrorTests.utf16("x = 1\ny = x*x\n", bigEndian: true),
      "UTF-16BE (every other byte is zero)"
    ),
  ])
  func aUTF16FileIsNamedAsSuch(bytes: [UInt8], encoding: String) throws {
    let found = try #require(error { () throws(ProgramError) in try Program.parse(bytes: bytes) })
    #expect(found.line == 1 && found.column == 1 && found.lineText.hasPrefix("x = 1"))
    #expect(
      found.message
        == "the program is \(encoding), not UTF-8: save it as UTF-8 (iconv -f UTF-16 -t UTF-8 FILE > NEW)")
  }

  @Test func invalidUTF8IsStillLocated() throws {
    let found = try #require(
      error { () throws(ProgramError) in try Program.parse(bytes: Array("x = 1\ny = ".utf8) + [0xFF]) })
    #expect(found.line == 2 && found.message == "invalid UTF-8: byte 0xFF at offset 10")
  }

  /// `text` in UTF-16, without a byte-order mark.
  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
      bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
  }
}
