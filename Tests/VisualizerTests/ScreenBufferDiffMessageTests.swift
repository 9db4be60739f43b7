import Testing
import Visualizer

@Suite struct ScreenBufferDiffMessageTests {
  @Test func changedCellsListsDifferencesInReadingOrder() {
    var old = ScreenBuffer(columns: 3, rows: 2)
    old.text("abc", x: 0, y: 0)
    var new = old
    new.put("x", x: 2, y: 0)
    new.put("a", x: 0, y: 1, style: CellStyle(bold: true))
    new.put("b", x: 1, y: 0)
    #expect(new.changedCells(since: old).map { [$0.x, $0.y] } == [[2, 0], [0, 1]])
    #expect(new.changedCells(since: new).isEmpty)
  }

  @Test func changedCellsIsEverythingAfterAResize() {
    let new = ScreenBuffer(columns: 2, rows: 2)
    #expect(new.changedCells(since: ScreenBuffer(columns: 3, rows: 2)).count == 4)
  }

  @Test func centeredMessageWrapsAtSpaces() {
    let buffer = ScreenBuffer.centeredMessage(
      "GradStep needs at least 60×16 — this terminal is 20×6", columns: 20, rows: 6)
    #expect(
      buffer.plainLines() == [
        "", " GradStep needs at", " least 60×16 — this", "  terminal is 20×6", "", "",
      ])
  }

  @Test func centeredMessageCutsWhatDoesNotFit() {
    let buffer = ScreenBuffer.centeredMessage("tiny: extraordinarily long", columns: 6, rows: 2)
    #expect(buffer.plainLines() == ["tiny:", "extrao"])
    #expect(ScreenBuffer.centeredMessage("x", columns: 0, rows: 1).plainLines() == [""])
  }
}
