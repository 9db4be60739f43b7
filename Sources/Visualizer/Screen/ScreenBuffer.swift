/// A grid of styled character cells: one whole frame of the screen, drawn in memory.
///
/// Every output (the terminal, text snapshots, ANSI export) starts from a `ScreenBuffer`, so
/// what a test sees is what the screen shows. Coordinates are zero-based columns (`x`) and rows
/// (`y`) from the top left; all drawing clips silently at the edges, and coordinates may be
/// negative or beyond the size. Characters that are not one column wide (control characters,
/// emoji, East Asian wide characters) are drawn as `?`, except that `text(…, doubleWidth: true)`
/// draws a wide character (`漢`, `１`) in two cells, the second a ``Cell/continuation(style:)``.
public struct ScreenBuffer: Equatable, Sendable {
  /// Width in cells.
  public let columns: Int
  /// Height in cells.
  public let rows: Int
  /// The characters lines, boxes and arrowheads are drawn with.
  public let charset: Charset
  private var cells: [Cell]
  /// The line arms of each cell, so that lines drawn later join the ones already there.
  private var joins: [LineJoin]

  /// A buffer of `columns` × `rows` blank cells (negative sizes count as zero).
  public init(columns: Int, rows: Int, charset: Charset = .unicode) {
    self.columns = max(columns, 0)
    self.rows = max(rows, 0)
    self.charset = charset
    cells = Array(repeating: .blank, count: self.columns * self.rows)
    joins = Array(repeating: .none, count: self.columns * self.rows)
  }

  /// Two buffers are equal when they have the same size and the same cells.
  public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
    lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.cells == rhs.cells
  }

  /// Whether (`x`, `y`) is inside the buffer.
  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && x < columns && y >= 0 && y < rows
  }

  /// The cell at (`x`, `y`), which must be inside the buffer.
  public subscript(x x: Int, y y: Int) -> Cell {
    precondition(contains(x: x, y: y), "cell (\(x), \(y)) outside \(columns)×\(rows) buffer")
    return cells[y * columns + x]
  }

  /// Writes one character at (`x`, `y`), replacing whatever was there (including lines).
  public mutating func put(_ character: Character, x: Int, y: Int, style: CellStyle = .plain) {
    guard contains(x: x, y: y) else { return }
    let shown: Character = character.isSingleColumn ? character : "?"
    store(Cell(shown, style: style), x: x, y: y)
  }

  /// Writes a character two columns wide at (`x`, `y`) and its continuation after it; `?` when
  /// only its first column is inside the buffer.
  private mutating func putDouble(_ character: Character, x: Int, y: Int, style: CellStyle) {
    guard contains(x: x + 1, y: y) else { return put("?", x: x, y: y, style: style) }
    guard contains(x: x, y: y) else { return put(" ", x: x + 1, y: y, style: style) }
    store(Cell(character, style: style), x: x, y: y)
    store(.continuation(style: style), x: x + 1, y: y)
  }

  /// Replaces the cell at (`x`, `y`), inside the buffer, with `cell` and no line arms; the other
  /// half of a double-width character it overwrites becomes a blank.
  private mutating func store(_ cell: Cell, x: Int, y: Int) {
    let index = y * columns + x
    if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
    if x + 1 < columns, cells[index + 1].isContinuation {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    cells[index] = cell
    joins[index] = .none
  }

  /// Copies `other` onto this buffer with its top left corner at (`x`, `y`), clipped at the
  /// edges. Lines keep their arms, so lines drawn later still join them.
  public mutating func paste(_ other: ScreenBuffer, x: Int, y: Int) {
    let span = Self.clip(x, other.columns, to: columns)
    guard !span.isEmpty else { return }
    for row in Self.clip(y, other.rows, to: rows) {
      let source = (row - y) * other.columns + span.lowerBound - x
      let target = row * columns + span.lowerBound
      cells.replaceSubrange(target..<target + span.count, with: other.cells[source..<source + span.count])
      joins.replaceSubrange(target..<target + span.count, with: other.joins[source..<source + span.count])
    }
  }

  /// Writes `string` left to right from (`x`, `y`), one character per column, cut after
  /// `maxWidth` columns if given. With `doubleWidth`, an East Asian wide character takes two
  /// columns and is shown as it is (text typed by the user), rather than as `?`.
  ///
  /// - Returns: the columns the text takes up (at most `maxWidth`), counting any that fell off
  ///   the edge of the buffer, so `x + result` is where following text goes.
  @discardableResult
  public mutating func text(
    _ string: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil,
    doubleWidth: Bool = false
  ) -> Int {
    let limit = max(maxWidth ?? .max, 0)
    guard doubleWidth else {
      let width = min(string.count, limit)
      guard y >= 0 && y < rows else { return width }
      for (offset, character) in string.prefix(width).enumerated() {
        let column = x + offset
        if column >= columns { break }
        put(character, x: column, y: y, style: style)
      }
      return width
    }
    var offset = 0
    for character in string {
      let width = character.isDoubleColumn ? 2 : 1
      guard offset + width <= limit else { break }
      if width == 2 {
        putDouble(character, x: x + offset, y: y, style: style)
      } else {
        put(character, x: x + offset, y: y, style: style)
      }
      offset += width
    }
    return offset
  }

  /// Fills the rectangle with its top left at (`x`, `y`) with `character` in `style`, replacing
  /// what was there; by default it clears the area to blanks.
  public mutating func fill(
    x: Int, y: Int, width: Int, height: Int, character: Character = " ",
    style: CellStyle = .plain
  ) {
    for row in Self.clip(y, height, to: rows) {
      for column in Self.clip(x, width, to: columns) {
        put(character, x: column, y: row, style: style)
      }
    }
  }

  /// Adds line arms to the cell at (`x`, `y`) and redraws it as the matching line glyph.
  mutating func addLine(_ join: LineJoin, x: Int, y: Int, style: CellStyle) {
    guard contains(x: x, y: y) else { return }
    let index = y * columns + x
    let merged = joins[index].merged(with: join)
    store(Cell(merged.glyph(charset), style: style), x: x, y: y)
    joins[index] = merged
  }

  /// The line arms the cell at (`x`, `y`) holds (none outside the buffer).
  func lineJoin(x: Int, y: Int) -> LineJoin {
    contains(x: x, y: y) ? joins[y * columns + x] : .none
  }

  /// The part of `start ..< start + length` inside `0 ..< limit` (possibly empty).
  static func clip(_ start: Int, _ length: Int, to limit: Int) -> Range<Int> {
    let lower = min(max(start, 0), limit)
    return lower..<max(lower, min(start + max(length, 0), limit))
  }

  /// The cells of row `y`, left to right.
  func row(_ y: Int) -> ArraySlice<Cell> {
    cells[(y * columns)..<((y + 1) * columns)]
  }

  /// The cells of row `y` as an output shows them, each with its column (see `shownCell`).
  func shownCells(_ y: Int) -> [(column: Int, cell: Cell)] {
    (0..<columns).compactMap { x in shownCell(x: x, y: y).map { (x, $0) } }
  }

  /// The cell at (`x`, `y`), inside the buffer, as an output shows it: `nil` for the continuation
  /// of a double-width character (the character covers it), a blank for a continuation without
  /// its character, `?` for a double-width character whose continuation was cut off (by `paste`).
  public func shownCell(x: Int, y: Int) -> Cell? {
    let cell = self[x: x, y: y]
    if cell.isContinuation {
      return x > 0 && self[x: x - 1, y: y].character.isDoubleColumn ? nil : Cell(" ", style: cell.style)
    }
    if cell.character.isDoubleColumn, x + 1 == columns || !self[x: x + 1, y: y].isContinuation {
      return Cell("?", style: cell.style)
    }
    return cell
  }
}
