import GraphLayout

/// Spot checks of a W4 layout, and its crossings recounted from its geometry by the rule dot's
/// drawing is counted with.
enum LayoutChecks {
  /// Throws unless: there is one box per node, at least its requested size and inside the layout;
  /// boxes of one layer do not overlap; every edge goes to a later layer and has its route, axis
  /// aligned, starting just outside its source box and ending just outside its target box.
  static func check(_ layout: Layout, _ input: LayoutInput) throws {
    func fail(_ message: String) -> CheckFailure { CheckFailure(description: "layout: " + message) }
    guard layout.boxes.count == input.sizes.count, layout.layerOf.count == input.sizes.count else {
      throw fail("\(layout.boxes.count) boxes for \(input.sizes.count) nodes")
    }
    let whole = CellRect(x: 0, y: 0, width: layout.width, height: layout.height)
    for (node, box) in layout.boxes.enumerated() {
      guard box.width >= input.sizes[node].width, box.height >= input.sizes[node].height,
        box.x >= whole.x, box.y >= whole.y, box.maxX <= whole.maxX, box.maxY <= whole.maxY
      else { throw fail("box \(node) is \(box) for size \(input.sizes[node]) in \(whole)") }
    }
    var layers = [Int: [CellRect]]()
    for (node, layer) in layout.layerOf.enumerated() { layers[layer, default: []].append(layout.boxes[node]) }
    for (layer, boxes) in layers {
      let sorted = boxes.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
      for (a, b) in zip(sorted, sorted.dropFirst()) where a.intersects(b) {
        throw fail("boxes \(a) and \(b) of layer \(layer) overlap")
      }
    }
    guard layout.routes.count == input.edges.count else {
      throw fail("\(layout.routes.count) routes for \(input.edges.count) edges")
    }
    for (index, (edge, route)) in zip(input.edges, layout.routes).enumerated() {
      guard route.edge == index, route.points.count >= 2,
        zip(route.points, route.points.dropFirst()).allSatisfy({ $0.x == $1.x || $0.y == $1.y }),
        layout.layerOf[edge.to] > layout.layerOf[edge.from],
        isJustOutside(route.points.first!, layout.boxes[edge.from]),
        isJustOutside(route.points.last!, layout.boxes[edge.to])
      else { throw fail("route \(index) (\(edge.from)→\(edge.to)) is \(route.points)") }
    }
  }

  /// The crossings of `layout` by `LayeredDrawing`'s rule: ranks are the layers, a node's position
  /// is its box's centre across the layers, a layer's coordinate is the middle of the cells its
  /// boxes span along the layer axis, and edges follow their routes.
  static func recount(_ layout: Layout, _ input: LayoutInput, orientation: Orientation) throws -> Int {
    let leftToRight = orientation == .leftToRight
    func along(_ box: CellRect) -> (Int, Int) { leftToRight ? (box.x, box.maxX) : (box.y, box.maxY) }
    let layerCount = (layout.layerOf.max() ?? -1) + 1
    var spans = [(low: Int, high: Int)](repeating: (.max, .min), count: layerCount)
    for (node, layer) in layout.layerOf.enumerated() {
      let (low, high) = along(layout.boxes[node])
      spans[layer] = (min(spans[layer].low, low), max(spans[layer].high, high))
    }
    if let empty = spans.firstIndex(where: { $0.low > $0.high }) {
      throw CheckFailure(description: "layout: layer \(empty) has no box")
    }
    let drawing = LayeredDrawing(
      rank: layout.layerOf,
      position: layout.boxes.map {
        leftToRight ? Double($0.y) + Double($0.height - 1) / 2 : Double($0.x) + Double($0.width - 1) / 2
      },
      rankCoordinate: spans.map { Double($0.low + $0.high - 1) / 2 },
      edges: input.edges.enumerated().map { index, edge in
        let path = layout.routes[index].points.map { point -> LayeredDrawing.PathPoint in
          leftToRight ? (Double(point.x), Double(point.y)) : (Double(point.y), Double(point.x))
        }
        return (edge.from, edge.to, path)
      })
    return try drawing.crossings()
  }

  /// Whether `point` is outside `box` but next to one of its sides.
  private static func isJustOutside(_ point: CellPoint, _ box: CellRect) -> Bool {
    let grown = CellRect(x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2)
    return grown.contains(point) && !box.contains(point)
  }
}
