/// The drawn path of one input edge.
public struct EdgeRoute: Hashable, Sendable {
  /// The index of the edge in ``LayoutInput/edges``.
  public var edge: Int
  /// The corners of an axis-aligned polyline, at least two points. The first is the cell just outside
  /// the source box; the last is the cell just outside the target box, where the arrowhead goes.
  public var points: [CellPoint]
  /// The direction the arrowhead points (into the target box).
  public var arrow: ArrowDirection

  /// Creates a route.
  public init(edge: Int, points: [CellPoint], arrow: ArrowDirection) {
    self.edge = edge
    self.points = points
    self.arrow = arrow
  }
}

/// Where everything goes, in character cells.
public struct Layout: Hashable, Sendable {
  /// Node `i`'s box. It is at least the requested size; the side where edges enter may be longer so
  /// that every incoming edge has its own port (its cell not on a corner).
  public var boxes: [CellRect]
  /// One route per input edge, in input order (`routes[i].edge == i`).
  public var routes: [EdgeRoute]
  /// Columns needed to draw everything.
  public var width: Int
  /// Rows needed to draw everything.
  public var height: Int
  /// Node `i`'s layer, counted from 0 (leftmost or topmost).
  public var layerOf: [Int]
  /// Edge crossings between adjacent layers, long edges split at each layer they pass.
  public var crossings: Int

  /// Creates a layout.
  public init(
    boxes: [CellRect], routes: [EdgeRoute], width: Int, height: Int, layerOf: [Int], crossings: Int
  ) {
    self.boxes = boxes
    self.routes = routes
    self.width = width
    self.height = height
    self.layerOf = layerOf
    self.crossings = crossings
  }
}
