import Stepping

/// A plot's place on the screen: a title line, a y axis with tick labels on the left, the dot
/// canvas, and an x axis with tick labels under it. Maps values to dots, linearly over the ranges
/// (a log-scale plot passes logarithms and labels them with `yLabel`).
struct PlotFrame {
  /// The rectangle of the whole plot.
  let x: Int
  let y: Int
  let width: Int
  let height: Int
  let xRange: ClosedRange<Double>
  let yRange: ClosedRange<Double>
  /// The y axis's tick labels, top, middle and bottom.
  private let yTicks: [String]
  private let xTicks: [String]

  /// The smallest rectangle a plot is drawn in.
  static let minimumSize = (columns: 20, rows: 6)

  init(
    x: Int, y: Int, width: Int, height: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    xLabel: (Double) -> String = PlotFrame.tick, yLabel: (Double) -> String = PlotFrame.tick
  ) {
    (self.x, self.y, self.width, self.height) = (x, y, width, height)
    self.xRange = PlotFrame.widened(xRange)
    self.yRange = PlotFrame.widened(yRange)
    let middle = { (range: ClosedRange<Double>) in (range.lowerBound + range.upperBound) / 2 }
    yTicks = [self.yRange.upperBound, middle(self.yRange), self.yRange.lowerBound].map(yLabel)
    xTicks = [self.xRange.lowerBound, middle(self.xRange), self.xRange.upperBound].map(xLabel)
  }

  /// A range with room in it: a single value becomes that value ± 1 (± 10% of it when larger).
  static func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
    guard range.lowerBound.isFinite, range.upperBound.isFinite else { return 0...1 }
    guard range.upperBound > range.lowerBound else {
      let margin = max(abs(range.lowerBound) / 10, 1)
      return (range.lowerBound - margin)...(range.upperBound + margin)
    }
    return range
  }

  /// A tick label: a whole number as one, otherwise 3 significant digits.
  static func tick(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e6 { return String(Int(value)) }
    return value.printed("%.3g")
  }

  /// The columns the y axis's labels take.
  private var labelWidth: Int { yTicks.map(\.count).max() ?? 0 }

  /// The canvas's rectangle, in cells.
  var canvasX: Int { x + labelWidth + 1 }
  var canvasY: Int { y + 1 }
  var canvasColumns: Int { max(width - labelWidth - 1, 1) }
  var canvasRows: Int { max(height - 3, 1) }

  /// An empty canvas of this frame's size.
  func makeCanvas() -> DotCanvas { DotCanvas(columns: canvasColumns, rows: canvasRows) }

  /// The dot column of `value` on the x axis (may fall outside the canvas).
  func dotX(_ value: Double) -> Int {
    let fraction = (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
    return Int((fraction * Double(canvasColumns * 2 - 1)).rounded())
  }

  /// The dot row of `value` on the y axis, from the top (may fall outside the canvas).
  func dotY(_ value: Double) -> Int {
    let fraction = (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
    guard fraction.isFinite else { return -1 }
    return canvasRows * 4 - 1 - Int((min(max(fraction, -4), 5) * Double(canvasRows * 4 - 1)).rounded())
  }

  /// The value at the centre of canvas cell column `column` (x) and row `row` (y).
  func value(column: Int, row: Int) -> (x: Double, y: Double) {
    let fx = (Double(column) + 0.5) / Double(canvasColumns)
    let fy = 1 - (Double(row) + 0.5) / Double(canvasRows)
    return (
      xRange.lowerBound + fx * (xRange.upperBound - xRange.lowerBound),
      yRange.lowerBound + fy * (yRange.upperBound - yRange.lowerBound)
    )
  }

  /// Draws the title, the axes and their labels, and `canvas`.
  func draw(title: StyledLine, canvas: DotCanvas, into buffer: inout ScreenBuffer) {
    let unicode = buffer.charset == .unicode
    title.fitted(to: width).draw(into: &buffer, x: x, y: y, width: width)
    let axisX = x + labelWidth
    let tickRows = [0, (canvasRows - 1) / 2, canvasRows - 1]
    for row in 0..<canvasRows {
      let tick = tickRows.firstIndex(of: row)
      buffer.put(
        tick == nil ? (unicode ? "│" : "|") : (unicode ? "┤" : "+"), x: axisX, y: canvasY + row,
        style: Theme.rule)
      if let tick {
        let label = yTicks[tick]
        buffer.text(label, x: axisX - label.count, y: canvasY + row, style: Theme.help)
      }
    }
    let axisY = canvasY + canvasRows
    buffer.put(unicode ? "└" : "+", x: axisX, y: axisY, style: Theme.rule)
    let tickColumns = [0, (canvasColumns - 1) / 2, canvasColumns - 1]
    for column in 0..<canvasColumns {
      let tick = tickColumns.contains(column)
      buffer.put(
        tick ? (unicode ? "┬" : "+") : (unicode ? "─" : "-"), x: canvasX + column, y: axisY, style: Theme.rule
      )
    }
    let labels = [
      (xTicks[0], canvasX), (xTicks[1], canvasX + (canvasColumns - 1) / 2 - xTicks[1].count / 2),
      (xTicks[2], canvasX + canvasColumns - xTicks[2].count),
    ]
    var free = canvasX
    for (label, start) in labels where start >= free {
      buffer.text(label, x: start, y: axisY + 1, style: Theme.help)
      free = start + label.count + 1
    }
    canvas.draw(into: &buffer, x: canvasX, y: canvasY)
  }
}
