import Testing
import Visualizer

@Suite struct ScreenBufferLinesTests {
  @Test func crossingLinesMakeACross() {
    var buffer = ScreenBuffer(columns: 5, rows: 3)
    buffer.horizontalLine(y: 1, from: 0, to: 4)
    buffer.verticalLine(x: 2, from: 0, to: 2)
    #expect(buffer.plainLines() == ["  │", "──┼──", "  │"])
  }

  @Test func lineEndingOnAnotherMakesATee() {
    var buffer = ScreenBuffer(columns: 5, rows: 3)
    buffer.verticalLine(x: 2, from: 0, to: 2)
    buffer.horizontalLine(y: 0, from: 0, to: 2)
    buffer.horizontalLine(y: 1, from: 2, to: 4)
    buffer.horizontalLine(y: 2, from: 0, to: 4)
    #expect(buffer.plainLines() == ["──┐", "  ├──", "──┴──"])
  }

  @Test func polylineTurnsCorners() {
    var buffer = ScreenBuffer(columns: 6, rows: 4)
    buffer.polyline([(0, 0), (3, 0), (3, 2), (5, 2), (5, 3), (0, 3)])
    #expect(buffer.plainLines() == ["───┐", "   │", "   └─┐", "─────┘"])
  }

  @Test func polylineWithArrowheadAndRoundCorners() {
    var buffer = ScreenBuffer(columns: 5, rows: 3)
    buffer.polyline([(0, 0), (2, 0), (2, 2), (4, 2)], rounded: true, arrowhead: true)
    #expect(buffer.plainLines() == ["──╮", "  │", "  ╰─▶"])
  }

  @Test func arrowheadsPointEveryWay() {
    for (charset, expected) in [(Charset.unicode, "▲▶▼◀"), (.ascii, "^>v<")] {
      var buffer = ScreenBuffer(columns: 4, rows: 1, charset: charset)
      for (x, direction) in [ArrowDirection.up, .right, .down, .left].enumerated() {
        buffer.arrowhead(direction, x: x, y: 0)
      }
      #expect(buffer.plainText() == expected)
    }
  }

  @Test func boxKinds() {
    for (kind, expected) in [
      (BoxKind.rounded, ["╭──╮", "│  │", "╰──╯"]), (.square, ["┌──┐", "│  │", "└──┘"]),
      (.heavy, ["┏━━┓", "┃  ┃", "┗━━┛"]),
    ] {
      var buffer = ScreenBuffer(columns: 4, rows: 3)
      buffer.box(x: 0, y: 0, width: 4, height: 3, kind: kind)
      #expect(buffer.plainLines() == expected)
    }
  }

  @Test func boxesSharingASideJoin() {
    var buffer = ScreenBuffer(columns: 5, rows: 3)
    buffer.box(x: 0, y: 0, width: 3, height: 3, kind: .square)
    buffer.box(x: 2, y: 0, width: 3, height: 3, kind: .square)
    #expect(buffer.plainLines() == ["┌─┬─┐", "│ │ │", "└─┴─┘"])
  }

  @Test func edgesJoinBoxBorders() {
    var buffer = ScreenBuffer(columns: 7, rows: 6)
    buffer.box(x: 0, y: 0, width: 5, height: 3)
    buffer.box(x: 2, y: 3, width: 5, height: 3, kind: .heavy)
    buffer.verticalLine(x: 3, from: 2, to: 3)
    #expect(buffer.plainLines() == ["╭───╮", "│   │", "╰──┬╯", "  ┏┷━━┓", "  ┃   ┃", "  ┗━━━┛"])
  }

  @Test func lineThroughRoundCornerBecomesATee() {
    var buffer = ScreenBuffer(columns: 3, rows: 3)
    buffer.box(x: 1, y: 1, width: 2, height: 2)
    buffer.horizontalLine(y: 1, from: 0, to: 1)
    #expect(buffer.plainLines() == ["", "─┬╮", " ╰╯"])
  }

  @Test func asciiCharset() {
    var buffer = ScreenBuffer(columns: 6, rows: 4, charset: .ascii)
    buffer.box(x: 0, y: 0, width: 4, height: 3, kind: .heavy)
    buffer.polyline([(3, 1), (5, 1), (5, 3)], arrowhead: true)
    #expect(buffer.plainLines() == ["+--+", "|  +-+", "+--+ |", "     v"])
  }

  @Test func singleCellLinesFollowTheirAxis() {
    var buffer = ScreenBuffer(columns: 2, rows: 1)
    buffer.horizontalLine(y: 0, from: 0, to: 0)
    buffer.verticalLine(x: 1, from: 0, to: 0, weight: .heavy)
    #expect(buffer.plainText() == "─┃")
  }

  @Test func linesClipAtTheEdgesButKeepTheirShape() {
    var buffer = ScreenBuffer(columns: 3, rows: 3)
    buffer.box(x: -1, y: -1, width: 3, height: 3)
    buffer.polyline([(1, 5), (1, 2), (-4, 2)])
    #expect(buffer.plainLines() == [" │", "─╯", "─┐"])
  }

  @Test func textOverALineReplacesIt() {
    var buffer = ScreenBuffer(columns: 3, rows: 3)
    buffer.horizontalLine(y: 1, from: 0, to: 2)
    buffer.put("x", x: 1, y: 1)
    buffer.verticalLine(x: 1, from: 0, to: 2)
    #expect(buffer.plainLines() == [" │", "─│─", " │"])
  }

  @Test func lineStyleIsTheLatest() {
    var buffer = ScreenBuffer(columns: 3, rows: 3)
    let red = CellStyle(foreground: .red)
    buffer.horizontalLine(y: 1, from: 0, to: 2)
    buffer.verticalLine(x: 1, from: 0, to: 2, style: red)
    #expect(buffer[x: 1, y: 1] == Cell("┼", style: red))
    #expect(buffer[x: 0, y: 1].style == .plain)
  }
}
