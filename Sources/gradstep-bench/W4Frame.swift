import GraphLayout
import Visualizer

/// What W4 does with a graph file: boxes sized as the Visualizer's compact boxes, a layout with
/// `GraphLayout.layoutGraph`, and the first frame drawn into a 120×40 `ScreenBuffer`.
///
/// The app itself cannot show these graphs: they are not Autodiff graphs (a `dag` variable may have
/// several producing functions), so this draws the layout the way `GraphView` does, without values.
enum W4Frame {
  /// The frame size.
  static let columns = 120
  /// The frame size.
  static let rows = 40
  /// The width W4 assumes for a value printed in a variable box (`1.6487`): the files have no
  /// values, and the Visualizer sizes a variable box by its widest value.
  static let valueWidth = 6

  /// The Visualizer's compact box sizes (`GraphScene` with `BoxStyle.compact`): a function is its
  /// label plus the two border columns wide and 3 rows high; a variable is as wide as the widest of
  /// its label, `d <value>` and `g <value>`, plus the borders, and 5 rows high.
  static func input(_ file: GraphFile) -> LayoutInput {
    let sizes = file.nodes.map { node in
      node.kind == "func"
        ? CellSize(width: node.label.count + 2, height: 3)
        : CellSize(width: max(node.label.count, 2 + valueWidth) + 2, height: 5)
    }
    return LayoutInput(sizes: sizes, edges: file.edges.map { LayoutEdge(from: $0[0], to: $0[1]) })
  }

  /// The options W4 lays out with: the compact style's layer gap, in `orientation`.
  static func options(_ orientation: Orientation) -> LayoutOptions {
    LayoutOptions(orientation: orientation, layerGap: 2)
  }

  /// The first frame: a `columns` × `rows` view on node 0's box, placed as `GraphView` places it
  /// (centred on the box, then moved back inside the layout; the layout centred where it fits),
  /// with the routes and boxes that reach into it: routes first, then boxes cleared and labelled.
  static func draw(_ layout: Layout, labels: [String]) -> ScreenBuffer {
    var buffer = ScreenBuffer(columns: columns, rows: rows)
    let focus = layout.boxes[0]
    func axis(_ layoutLength: Int, _ viewLength: Int, _ focusMiddle: Int) -> Int {
      guard layoutLength > viewLength else { return -(viewLength - layoutLength) / 2 }
      return min(max(focusMiddle - viewLength / 2, 0), layoutLength - viewLength)
    }
    let origin = (
      x: axis(layout.width, columns, focus.x + focus.width / 2),
      y: axis(layout.height, rows, focus.y + focus.height / 2)
    )
    let view = CellRect(x: origin.x, y: origin.y, width: columns, height: rows)
    for route in layout.routes where bounds(of: route).intersects(view) {
      buffer.polyline(route.points.map { (x: $0.x - origin.x, y: $0.y - origin.y) }, arrowhead: true)
    }
    for (node, box) in layout.boxes.enumerated() where box.intersects(view) {
      let (x, y) = (box.x - origin.x, box.y - origin.y)
      buffer.fill(x: x + 1, y: y + 1, width: box.width - 2, height: box.height - 2)
      buffer.box(x: x, y: y, width: box.width, height: box.height)
      buffer.text(labels[node], x: x + 1, y: y + 1, maxWidth: box.width - 2)
    }
    return buffer
  }

  /// The cells a route covers, grown by one on each side (as `GraphScene.routeBounds`).
  static func bounds(of route: EdgeRoute) -> CellRect {
    var (minX, minY, maxX, maxY) = (Int.max, Int.max, Int.min, Int.min)
    for point in route.points {
      (minX, maxX) = (min(minX, point.x), max(maxX, point.x))
      (minY, maxY) = (min(minY, point.y), max(maxY, point.y))
    }
    return CellRect(x: minX - 1, y: minY - 1, width: maxX - minX + 3, height: maxY - minY + 3)
  }

  /// The cells of `buffer` that are not blank.
  static func inkedCells(_ buffer: ScreenBuffer) -> Int {
    var count = 0
    for y in 0..<buffer.rows {
      for x in 0..<buffer.columns where buffer[x: x, y: y].character != " " { count += 1 }
    }
    return count
  }
}
