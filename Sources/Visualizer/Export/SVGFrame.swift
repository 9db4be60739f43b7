/// A ``ScreenBuffer`` as an SVG picture, like a screenshot of a terminal: a dark background, a
/// monospace grid of `columns` × `rows` cells, the xterm colours, and one `<text>` element per run
/// of cells in the same style (with a background rectangle where the run has one). The output
/// depends only on the buffer, so the same frame always gives the same bytes.
public enum SVGFrame {
  /// Width of one cell in pixels (0.6 em of a 14 px monospace font).
  static let cellWidth = 8.4
  /// Height of one cell in pixels.
  static let cellHeight = 17.0
  /// Space around the grid in pixels.
  static let padding = 10.0
  static let defaultForeground = "#d0d0d0"
  static let defaultBackground = "#1c1c1c"
  /// The sixteen ANSI colours as xterm shows them.
  static let palette = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
  ]

  /// `frame` as a complete SVG document.
  public static func document(_ frame: ScreenBuffer) -> String {
    let width = 2 * padding + Double(frame.columns) * cellWidth
    let height = 2 * padding + Double(frame.rows) * cellHeight
    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
      viewBox="0 0 \(number(width)) \(number(height))" font-family="'DejaVu Sans Mono', Menlo, Consolas, monospace" \
      font-size="14">
      <rect width="100%" height="100%" fill="\(defaultBackground)"/>

      """
    for y in 0..<frame.rows {
      for run in runs(in: frame.shownCells(y), columns: frame.columns) { svg += element(for: run, row: y) }
    }
    return svg + "</svg>\n"
  }

  /// A stretch of one row whose cells share a style.
  struct Run {
    var column: Int
    var text: String
    var style: CellStyle
    /// The columns the run covers (a double-width character counts two).
    var width: Int
  }

  /// The row's cells grouped into runs of one style; runs that show nothing are left out.
  static func runs(in cells: [(column: Int, cell: Cell)], columns: Int) -> [Run] {
    var runs = [Run]()
    for (position, (column, cell)) in cells.enumerated() {
      let width = (position + 1 < cells.count ? cells[position + 1].column : columns) - column
      if let last = runs.last, last.style == cell.style {
        runs[runs.count - 1].text.append(cell.character)
        runs[runs.count - 1].width += width
      } else {
        runs.append(Run(column: column, text: String(cell.character), style: cell.style, width: width))
      }
    }
    return runs.filter { run in
      !(run.text.allSatisfy { $0 == " " } && run.style.background == nil && !run.style.reverse
        && !run.style.underline)
    }
  }

  /// The background rectangle (if any) and the text of one run.
  static func element(for run: Run, row: Int) -> String {
    let style = run.style
    var foreground = style.foreground.map { palette[$0.rawValue] } ?? defaultForeground
    var background = style.background.map { palette[$0.rawValue] }
    if style.reverse {
      (foreground, background) = (background ?? defaultBackground, foreground)
    }
    let x = padding + Double(run.column) * cellWidth
    let top = padding + Double(row) * cellHeight
    let length = Double(run.width) * cellWidth
    var element = ""
    if let background {
      element +=
        "<rect x=\"\(number(x))\" y=\"\(number(top))\" width=\"\(number(length))\" "
        + "height=\"\(number(cellHeight))\" fill=\"\(background)\"/>\n"
    }
    guard !run.text.allSatisfy({ $0 == " " }) || style.underline else { return element }
    var attributes = "x=\"\(number(x))\" y=\"\(number(top + cellHeight * 0.78))\" fill=\"\(foreground)\""
    if style.bold { attributes += " font-weight=\"bold\"" }
    if style.dim { attributes += " fill-opacity=\"0.6\"" }
    if style.underline { attributes += " text-decoration=\"underline\"" }
    attributes += " textLength=\"\(number(length))\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\""
    return element + "<text \(attributes)>\(escaped(run.text))</text>\n"
  }

  /// `text` with the characters XML gives meaning to written as entities.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A coordinate with at most two decimals and no trailing zeros (`10`, `18.4`, `27.26`).
  static func number(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let whole = hundredths / 100
    let fraction = hundredths % 100
    if fraction == 0 { return String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return "\(whole).\(digits)"
  }
}
