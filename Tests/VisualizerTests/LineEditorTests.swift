import Testing
import Visualizer

/// The value editor's line: typing, Backspace, the cursor keys, Ctrl-U, at both ends.
@Suite struct LineEditorTests {
  @Test func startsWithTheCursorAtTheEnd() {
    let line = LineEditor("0.5")
    #expect(line.text == "0.5" && line.cursor == 3)
    #expect(LineEditor().text.isEmpty && LineEditor().cursor == 0)
  }

  @Test func typesAndDeletesAtTheCursor() {
    var line = LineEditor("0.5")
    line.apply(.deleteBackward)
    line.apply(.insert("7"))
    #expect(line.text == "0.7" && line.cursor == 3)
    line.apply(.moveToStart)
    line.apply(.insert("-"))
    #expect(line.text == "-0.7" && line.cursor == 1)
    line.apply(.moveRight)
    line.apply(.moveRight)
    line.apply(.deleteBackward)
    #expect(line.text == "-07" && line.cursor == 2)
    line.apply(.moveLeft)
    line.apply(.insert("1"))
    #expect(line.text == "-107")
    line.apply(.moveToEnd)
    #expect(line.cursor == 4)
  }

  @Test func theEndsStopTheCursorAndBackspace() {
    var line = LineEditor("ab")
    line.apply(.moveRight)
    #expect(line.cursor == 2)
    line.apply(.moveToStart)
    line.apply(.moveLeft)
    line.apply(.deleteBackward)
    #expect(line.text == "ab" && line.cursor == 0)
    line.apply(.clear)
    #expect(line.text.isEmpty && line.cursor == 0)
    line.apply(.deleteBackward)
    #expect(line.text.isEmpty)
  }
}
