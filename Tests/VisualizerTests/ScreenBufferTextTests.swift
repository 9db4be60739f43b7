import Testing
import Visualizer

@Suite struct ScreenBufferTextTests {
  @Test func plainTextHasExactlyRowsLinesNoneTooLong() {
    var buffer = ScreenBuffer(columns: 4, rows: 3)
    buffer.text("abcdefgh", x: 0, y: 1)
    buffer.text("z ", x: 2, y: 2)
    let lines = buffer.plainText().split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines == ["", "abcd", "  z"])
  }

  @Test func emptyBufferStillHasItsRows() {
    #expect(ScreenBuffer(columns: 0, rows: 3).plainText() == "\n\n")
    #expect(ScreenBuffer(columns: 5, rows: 0).plainText() == "")
  }

  @Test func ansiTextEmitsCodesOnlyWhereTheStyleChanges() {
    var buffer = ScreenBuffer(columns: 8, rows: 2)
    buffer.text("ab", x: 0, y: 0, style: CellStyle(foreground: .red, bold: true))
    buffer.text("c", x: 2, y: 0)
    buffer.text("d", x: 3, y: 0, style: CellStyle(background: .brightBlue, reverse: true))
    buffer.text("plain", x: 0, y: 1)
    #expect(
      buffer.ansiText()
        == "\u{1B}[0;1;31mab\u{1B}[0mc\u{1B}[0;7;104md\u{1B}[0m\nplain")
  }

  @Test func ansiTextKeepsVisibleTrailingBlanks() {
    var buffer = ScreenBuffer(columns: 4, rows: 2)
    buffer.fill(x: 0, y: 0, width: 2, height: 1, style: CellStyle(background: .green))
    buffer.fill(x: 0, y: 1, width: 4, height: 1, style: CellStyle(foreground: .green))
    buffer.text("x", x: 0, y: 1, style: CellStyle(dim: true, underline: true))
    #expect(buffer.ansiText() == "\u{1B}[0;42m  \u{1B}[0m\n\u{1B}[0;2;4mx\u{1B}[0m")
  }

  @Test func brightForegroundCodes() {
    var buffer = ScreenBuffer(columns: 1, rows: 1)
    buffer.put("x", x: 0, y: 0, style: CellStyle(foreground: .brightBlack, background: .white))
    #expect(buffer.ansiText() == "\u{1B}[0;90;47mx\u{1B}[0m")
  }
}
