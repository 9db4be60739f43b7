import Testing
import Visualizer

@Suite struct ScreenBufferTests {
  @Test func freshBufferIsBlank() {
    let buffer = ScreenBuffer(columns: 3, rows: 2)
    #expect(buffer.columns == 3 && buffer.rows == 2)
    #expect(buffer[x: 2, y: 1] == .blank)
    #expect(buffer.plainLines() == ["", ""])
  }

  @Test func negativeSizeIsEmpty() {
    let buffer = ScreenBuffer(columns: -4, rows: 2)
    #expect(buffer.columns == 0)
    #expect(buffer.plainLines() == ["", ""])
  }

  @Test func putWritesOneCellAndClipsOutside() {
    var buffer = ScreenBuffer(columns: 4, rows: 2)
    let bold = CellStyle(bold: true)
    buffer.put("x", x: 1, y: 1, style: bold)
    for (x, y) in [(-1, 0), (4, 0), (0, -1), (0, 2), (Int.min, Int.max)] {
      buffer.put("!", x: x, y: y)
    }
    #expect(buffer[x: 1, y: 1] == Cell("x", style: bold))
    #expect(buffer.plainLines() == ["", " x"])
  }

  @Test func wideAndControlCharactersBecomeQuestionMarks() {
    var buffer = ScreenBuffer(columns: 8, rows: 1)
    buffer.text("a漢😀\u{7}∂é", x: 0, y: 0)
    #expect(buffer.plainText() == "a???∂é")
  }

  @Test func textClipsAtBothEdgesAndReportsItsWidth() {
    var buffer = ScreenBuffer(columns: 5, rows: 2)
    #expect(buffer.text("hello", x: -2, y: 0) == 5)
    #expect(buffer.text("world", x: 3, y: 1) == 5)
    #expect(buffer.text("hidden", x: 0, y: 9) == 6)
    #expect(buffer.plainLines() == ["llo", "   wo"])
  }

  @Test func textStopsAtMaxWidth() {
    var buffer = ScreenBuffer(columns: 10, rows: 1)
    #expect(buffer.text("abcdef", x: 1, y: 0, maxWidth: 3) == 3)
    #expect(buffer.text("xyz", x: 6, y: 0, maxWidth: -1) == 0)
    #expect(buffer.plainText() == " abc")
  }

  @Test func fillClipsToTheBuffer() {
    var buffer = ScreenBuffer(columns: 4, rows: 3)
    let reverse = CellStyle(reverse: true)
    buffer.fill(x: -1, y: 1, width: 3, height: 5, character: "#", style: reverse)
    buffer.fill(x: 3, y: 0, width: -2, height: 2, character: "!")
    #expect(buffer.plainLines() == ["", "##", "##"])
    #expect(buffer[x: 1, y: 2].style == reverse)
    buffer.fill(x: 0, y: 2, width: 9, height: 1)
    #expect(buffer.plainLines() == ["", "##", ""])
  }

  @Test func equalityComparesCellsOnly() {
    var drawn = ScreenBuffer(columns: 3, rows: 1)
    drawn.horizontalLine(y: 0, from: 0, to: 2)
    var typed = ScreenBuffer(columns: 3, rows: 1, charset: .ascii)
    typed.text("───", x: 0, y: 0)
    #expect(drawn == typed)
    typed.put("x", x: 1, y: 0)
    #expect(drawn != typed)
    #expect(ScreenBuffer(columns: 3, rows: 1) != ScreenBuffer(columns: 1, rows: 3))
  }

  @Test func monochromeTurnsBackgroundIntoReverse() {
    let style = CellStyle(foreground: .red, background: .blue, bold: true)
    #expect(style.monochrome == CellStyle(bold: true, reverse: true))
    #expect(CellStyle(foreground: .green, underline: true).monochrome == CellStyle(underline: true))
    #expect(TerminalColor.brightCyan.basic == .cyan)
  }
}
