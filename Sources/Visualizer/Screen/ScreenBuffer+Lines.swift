extension ScreenBuffer {
  /// Draws a horizontal line on row `y` from column `x0` to `x1` (inclusive, either order),
  /// joining any lines already there into junctions (`│` crossed becomes `┼`, a box's `│` side
  /// becomes `├` or `┤`).
  public mutating func horizontalLine(
    y: Int, from x0: Int, to x1: Int, weight: LineWeight = .light, style: CellStyle = .plain
  ) {
    segment(
      from: (x0, y), to: (x1, y), horizontal: true, weight: weight.rawValue, rounded: false, style: style)
  }

  /// Draws a vertical line in column `x` from row `y0` to `y1` (inclusive, either order),
  /// joining any lines already there into junctions.
  public mutating func verticalLine(
    x: Int, from y0: Int, to y1: Int, weight: LineWeight = .light, style: CellStyle = .plain
  ) {
    segment(
      from: (x, y0), to: (x, y1), horizontal: false, weight: weight.rawValue, rounded: false, style: style)
  }

  /// Draws a line through `points`, each segment horizontal or vertical, with corners at the
  /// bends (round ones if `rounded`), joining lines already there. With `arrowhead`, the last
  /// point gets an arrowhead pointing the way the last segment runs.
  ///
  /// - Precondition: consecutive points share a row or a column.
  public mutating func polyline(
    _ points: [(x: Int, y: Int)], weight: LineWeight = .light, rounded: Bool = false,
    arrowhead: Bool = false, style: CellStyle = .plain
  ) {
    var direction: ArrowDirection?
    for (start, end) in zip(points, points.dropFirst()) where start != end {
      precondition(
        start.x == end.x || start.y == end.y,
        "polyline segment (\(start.x), \(start.y))–(\(end.x), \(end.y)) is not axis-aligned")
      segment(
        from: start, to: end, horizontal: start.y == end.y, weight: weight.rawValue,
        rounded: rounded, style: style)
      direction =
        start.y == end.y ? (end.x > start.x ? .right : .left) : (end.y > start.y ? .down : .up)
    }
    if arrowhead, let direction, let last = points.last {
      self.arrowhead(direction, x: last.x, y: last.y, style: style)
    }
  }

  /// Draws the border of the `width` × `height` box with its top left corner at (`x`, `y`),
  /// joining lines already there (so edges meeting the border make `┬ ┴ ├ ┤`). The inside is left
  /// as it is: ``fill(x:y:width:height:character:style:)`` it first to clear it. Boxes smaller
  /// than 2 × 2 draw nothing.
  public mutating func box(
    x: Int, y: Int, width: Int, height: Int, kind: BoxKind = .rounded, style: CellStyle = .plain
  ) {
    guard width >= 2 && height >= 2 else { return }
    let right = x + width - 1
    let bottom = y + height - 1
    polyline(
      [(x, y), (right, y), (right, bottom), (x, bottom), (x, y)], weight: kind.weight,
      rounded: kind == .rounded, style: style)
  }

  /// Writes an arrowhead (`▶ ▼ ◀ ▲`, ASCII `> v < ^`) at (`x`, `y`), replacing what was there.
  public mutating func arrowhead(
    _ direction: ArrowDirection, x: Int, y: Int, style: CellStyle = .plain
  ) {
    put(direction.glyph(charset), x: x, y: y, style: style)
  }

  /// Marks the line from `start` to `end` (same row if `horizontal`, else same column): each
  /// cell gets arms towards its neighbours on the line, a one-cell line gets both arms.
  private mutating func segment(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), horizontal: Bool, weight: UInt8,
    rounded: Bool, style: CellStyle
  ) {
    if horizontal {
      let (low, high) = (min(start.x, end.x), max(start.x, end.x))
      for x in Self.clip(low, high - low + 1, to: columns) {
        var join = LineJoin(rounded: rounded)
        join.left = x > low || low == high ? weight : 0
        join.right = x < high || low == high ? weight : 0
        addLine(join, x: x, y: start.y, style: style)
      }
    } else {
      let (low, high) = (min(start.y, end.y), max(start.y, end.y))
      for y in Self.clip(low, high - low + 1, to: rows) {
        var join = LineJoin(rounded: rounded)
        join.up = y > low || low == high ? weight : 0
        join.down = y < high || low == high ? weight : 0
        addLine(join, x: start.x, y: y, style: style)
      }
    }
  }
}
