import Autodiff
import Testing

@testable import Stepping
@testable import Visualizer

/// What the value editor echoes: a long bad value is shortened so the reason stays on the bottom
/// line, and a full-width character is shown as typed (two columns), not as `?`.
@Suite struct EditorEchoTests {
  private func bottomLine(after keys: String, columns: Int = 80) throws -> String {
    var app = App(
      state: AppState(session: Session(output: TestGraphs.seed()), title: "seed"), screen: Screen())
    for key in try Key.parseScript(keys) { _ = app.handle(key, columns: columns, rows: 24) }
    return app.render(columns: columns, rows: 24).plainLines().last ?? ""
  }

  @Test func aLongBadValueLeavesTheReasonInView() throws {
    let value = String(repeating: "q", count: 200)
    let line = try bottomLine(after: "<edit:x=\(value)>")
    #expect(line.hasSuffix("  column 1: 'qqqqqqqq…qqqqqq' is not a number"), "\(line)")
    #expect(line.hasPrefix(" edit x = " + String(repeating: "q", count: 20)))
  }

  @Test func aFullWidthDigitIsShownAsTyped() throws {
    let line = try bottomLine(after: "<edit:x=１>")
    #expect(line.contains("edit x = １"), "\(line)")
    #expect(line.hasSuffix("column 1: '１' is not a number"), "\(line)")
    #expect(!line.contains("?"))
  }

  @Test func doubleWidthTextTakesTwoColumnsAndOverwritingHalfBlanksTheOther() {
    var buffer = ScreenBuffer(columns: 8, rows: 2)
    #expect(buffer.text("a漢１b", x: 0, y: 0, doubleWidth: true) == 6)
    #expect(buffer.plainLines()[0] == "a漢１b")
    #expect(buffer[x: 2, y: 0].isContinuation)
    buffer.put("x", x: 2, y: 0)
    #expect(buffer.plainLines()[0] == "a x１b")
    buffer.put("y", x: 3, y: 0)
    #expect(buffer.plainLines()[0] == "a xy b")
    #expect(buffer.text("漢字", x: 0, y: 1, maxWidth: 3, doubleWidth: true) == 2, "the second does not fit")
    #expect(buffer.text("字", x: 7, y: 1, doubleWidth: true) == 2)
    #expect(buffer.plainLines()[1] == "漢     ?", "cut by the edge")
    #expect(buffer.ansiText().split(separator: "\n").first == "a xy b")
  }

  @Test func aPasteThatCutsADoubleWidthCharacterShowsBlanksAndQuestionMarks() {
    var wide = ScreenBuffer(columns: 4, rows: 1)
    wide.text("漢字", x: 0, y: 0, doubleWidth: true)
    var buffer = ScreenBuffer(columns: 3, rows: 1)
    buffer.paste(wide, x: -1, y: 0)
    #expect(buffer.plainLines() == [" 字"])
    buffer.paste(wide, x: 0, y: 0)
    #expect(buffer.plainLines() == ["漢?"])
  }

  @Test func anSVGRunCoversTheColumnsOfItsDoubleWidthCharacters() {
    var buffer = ScreenBuffer(columns: 6, rows: 1)
    buffer.text("１２x", x: 0, y: 0, style: Theme.fail, doubleWidth: true)
    let runs = SVGFrame.runs(in: buffer.shownCells(0), columns: buffer.columns)
    #expect(runs.first?.text == "１２x" && runs.first?.width == 5)
  }
}
