/// A canvas of dots, two across and four down per character cell, drawn as braille characters
/// (or, with the ASCII charset, as `'`, `.` and `:` for dots in a cell's upper half, lower half or
/// both). Each cell keeps the style of the last dot set in it; cells may also hold a background
/// glyph (a heat map's level) that dots draw over.
struct DotCanvas {
  /// Size in cells.
  let columns: Int
  let rows: Int
  private var masks: [UInt8]
  private var styles: [CellStyle]
  private var glyphs: [(Character, CellStyle)?]

  init(columns: Int, rows: Int) {
    self.columns = max(columns, 0)
    self.rows = max(rows, 0)
    masks = Array(repeating: 0, count: self.columns * self.rows)
    styles = Array(repeating: .plain, count: self.columns * self.rows)
    glyphs = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// Width and height in dots.
  var dotColumns: Int { columns * 2 }
  var dotRows: Int { rows * 4 }

  /// The braille bit of the dot at (`dx`, `dy`) inside its cell.
  private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Sets the dot at (`x`, `y`), counted from the top left; dots outside are ignored.
  mutating func set(x: Int, y: Int, style: CellStyle) {
    guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
    let cell = (y / 4) * columns + x / 2
    masks[cell] |= Self.bits[x % 2][y % 4]
    styles[cell] = style
  }

  /// A straight line of dots from one point to another (Bresenham), ends included.
  mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: CellStyle) {
    var (x, y) = start
    let dx = abs(end.x - x)
    let dy = -abs(end.y - y)
    let stepX = x < end.x ? 1 : -1
    let stepY = y < end.y ? 1 : -1
    var error = dx + dy
    let limit = dotColumns + dotRows
    for _ in 0...(max(dx, -dy)) {
      if x >= -limit, x <= 2 * limit, y >= -limit, y <= 2 * limit { set(x: x, y: y, style: style) }
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// Puts `glyph` in cell (`column`, `row`), shown where no dot is set.
  mutating func background(column: Int, row: Int, _ glyph: Character, style: CellStyle) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    glyphs[row * columns + column] = (glyph, style)
  }

  /// Draws the canvas with its top left cell at (`x`, `y`).
  func draw(into buffer: inout ScreenBuffer, x: Int, y: Int) {
    for row in 0..<rows {
      for column in 0..<columns {
        let cell = row * columns + column
        let mask = masks[cell]
        if mask == 0 {
          if let (glyph, style) = glyphs[cell] { buffer.put(glyph, x: x + column, y: y + row, style: style) }
          continue
        }
        buffer.put(Self.character(mask, buffer.charset), x: x + column, y: y + row, style: styles[cell])
      }
    }
  }

  /// The character for a cell's dots.
  private static func character(_ mask: UInt8, _ charset: Charset) -> Character {
    switch charset {
    case .unicode: return Character(Unicode.Scalar(0x2800 + UInt32(mask))!)
    case .ascii:
      let upper = mask & 0x1B != 0
      let lower = mask & 0xE4 != 0
      return upper && lower ? ":" : upper ? "'" : "."
    }
  }
}
