/// A grid of styled character cells: one whole frame of the screen, drawn in memory.
///
/// Every output (the terminal, text snapshots, ANSI export) starts from a `ScreenBuffer`, so
/// what a test sees is what the screen shows. Coordinates are zero-based columns (`x`) and rows
/// (`y`) from the top left; all drawing clips silently at the edges, and coordinates may be
/// negative or beyond the size. Characters that are not one column wide (control characters,
/// emoji, East Asian wide characters) are drawn as `?`.
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
    cells[y * columns + x] = Cell(shown, style: style)
    joins[y * columns + x] = .none
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
  /// `maxWidth` columns if given.
  ///
  /// - Returns: the columns the text takes up (at most `maxWidth`), counting any that fell off
  ///   the edge of the buffer, so `x + result` is where following text goes.
  @discardableResult
  public mutating func text(
    _ string: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    let width = min(string.count, max(maxWidth ?? .max, 0))
    guard y >= 0 && y < rows else { return width }
    for (offset, character) in string.prefix(width).enumerated() {
      let column = x + offset
      if column >= columns { break }
      put(character, x: column, y: y, style: style)
    }
    return width
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
    joins[index] = joins[index].merged(with: join)
    cells[index] = Cell(joins[index].glyph(charset), style: style)
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
}
