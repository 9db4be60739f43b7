/// The direction in which successive layers follow each other on screen.
public enum Orientation: Sendable, Hashable {
  /// Layers are columns, read from left to right (like Graphviz `rankdir=LR`).
  case leftToRight
  /// Layers are rows, read from top to bottom (like Graphviz `rankdir=TB`).
  case topToBottom
}

/// The direction an arrowhead points.
public enum ArrowDirection: Sendable, Hashable {
  /// Towards larger `x`.
  case right
  /// Towards larger `y`.
  case down
  /// Towards smaller `x`.
  case left
  /// Towards smaller `y`.
  case up
}

/// A size in character cells.
public struct CellSize: Hashable, Sendable {
  /// Number of columns.
  public var width: Int
  /// Number of rows.
  public var height: Int

  /// Creates a size of `width` columns by `height` rows.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// One character cell: column `x`, row `y`, both counted from 0 at the top left.
public struct CellPoint: Hashable, Sendable {
  /// The column.
  public var x: Int
  /// The row.
  public var y: Int

  /// Creates the cell at column `x`, row `y`.
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of character cells: columns `x..<x+width`, rows `y..<y+height`.
public struct CellRect: Hashable, Sendable {
  /// The leftmost column.
  public var x: Int
  /// The top row.
  public var y: Int
  /// Number of columns.
  public var width: Int
  /// Number of rows.
  public var height: Int

  /// Creates the rectangle with top-left cell (`x`, `y`) and the given size.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The column just right of the rectangle.
  public var maxX: Int { x + width }
  /// The row just below the rectangle.
  public var maxY: Int { y + height }

  /// Whether the cell lies inside the rectangle.
  public func contains(_ point: CellPoint) -> Bool {
    point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
  }

  /// Whether the two rectangles share at least one cell.
  public func intersects(_ other: CellRect) -> Bool {
    x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
  }

  /// The smallest rectangle that covers both.
  public func union(_ other: CellRect) -> CellRect {
    let (left, top) = (min(x, other.x), min(y, other.y))
    return CellRect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
  }
}
