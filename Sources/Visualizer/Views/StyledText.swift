/// A line of text made of runs that each have one style.
struct StyledLine {
  var runs: [(text: String, style: CellStyle)]

  init(_ runs: [(String, CellStyle)]) {
    self.runs = runs.map { (text: $0.0, style: $0.1) }
  }

  init(_ text: String, _ style: CellStyle = .plain) {
    self.init([(text, style)])
  }

  /// The characters, without their styles.
  var text: String { runs.map(\.text).joined() }

  /// The number of characters.
  var count: Int { runs.reduce(0) { $0 + $1.text.count } }

  /// The line cut to `width` characters at a space, with `…` in place of what is left out, so a
  /// number is never cut in two; unchanged when it fits.
  func fitted(to width: Int) -> StyledLine {
    guard count > width else { return self }
    let kept = cutAtSpace(text, width: width - 1)
    var left = kept.count
    var fitted = [(String, CellStyle)]()
    for run in runs where left > 0 {
      fitted.append((String(run.text.prefix(left)), run.style))
      left -= min(run.text.count, left)
    }
    return StyledLine(fitted + [("…", Theme.help)])
  }

  /// Writes the line at (`x`, `y`), clipped to `width` columns; returns the columns written.
  /// With `doubleWidth`, East Asian wide characters are shown as they are, in two columns each.
  @discardableResult
  func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, doubleWidth: Bool = false) -> Int {
    var column = 0
    for run in runs where column < width {
      column += buffer.text(
        run.text, x: x + column, y: y, style: run.style, maxWidth: width - column, doubleWidth: doubleWidth)
    }
    return column
  }
}

extension String {
  /// This text followed by spaces up to `width` characters (unchanged when already as wide), for
  /// columns of text.
  func padded(to width: Int) -> String {
    self + String(repeating: " ", count: max(width - count, 0))
  }
}
