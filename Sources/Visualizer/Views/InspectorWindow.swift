/// The part of the inspector's lines that fits its rows, from the state's scroll position. When
/// lines are cut below, the last row says `… N more ↓`; when scrolled, the rule above the
/// inspector says `↑ N more`. So nothing is ever hidden without a sign. Only the shown lines are
/// built (`InspectorLines`).
struct InspectorWindow {
  /// All the lines.
  let lines: InspectorLines
  /// The rows there are to show them in.
  let rows: Int
  /// The first line shown: the scroll position, at most `maxScroll`.
  let top: Int

  /// A window on `lines` in `rows` rows, scrolled down by `scroll` lines (clamped).
  init(lines: InspectorLines, rows: Int, scroll: Int) {
    self.lines = lines
    self.rows = max(rows, 1)
    top = min(max(scroll, 0), max(lines.count - self.rows, 0))
  }

  /// The furthest the window scrolls: at it, the last line is on the last row.
  var maxScroll: Int { max(lines.count - rows, 0) }

  /// Lines above the window.
  var hiddenAbove: Int { top }

  /// Lines below the window (the last row counts as hidden when it carries the `… N more` sign).
  var hiddenBelow: Int { top + rows < lines.count ? lines.count - (top + rows - 1) : 0 }

  /// The rows to draw: the visible lines, the last one replaced by `… N more ↓` when cut.
  var visible: [StyledLine] {
    let shown = lines[top..<min(top + rows, lines.count)]
    guard hiddenBelow > 0 else { return shown }
    return shown.dropLast() + [StyledLine("… \(hiddenBelow) more ↓  (↓ j  ] page)", Theme.helpKey)]
  }

  /// The sign for the rule above the inspector, `nil` when nothing is hidden above.
  var aboveSign: String? { hiddenAbove > 0 ? " ↑ \(hiddenAbove) more (↑ k  [ page) " : nil }
}
