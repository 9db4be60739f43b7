/// Cell coordinates for an ordered layered graph, worked out along two axes: the rank axis (across
/// layers: x in left-to-right) and the cross axis (along a layer: y in left-to-right).
struct LayeredGeometry {
  private let graph: LayeredGraph
  private let orientation: Orientation
  /// Each real node's size along the rank axis.
  private var rankSizes: [Int] = []
  /// Each node's cross-axis size: grown so every input has its own port (off the corners, for
  /// bordered boxes).
  private var extents: [Int] = []
  /// Whether boxes have borders, whose corners take no edges.
  private let bordered: Bool
  private var outOffsets: [Int] = []
  private var inOffsets: [Int] = []
  /// Each node's cross-axis start.
  private var tops: [Int] = []
  /// Each node's channel path through the gap after its layer, if it has bent segments there.
  private var paths: [ChannelPath?] = []
  /// Each layer's first rank-axis cell and its size.
  private var columnStarts: [Int] = []
  private var columnSizes: [Int] = []
  /// Each gap's rank-axis position of track 0.
  private var firstTrack: [Int] = []

  init(graph: LayeredGraph, layers: [[Int]], sizes: [CellSize], options: LayoutOptions) {
    self.graph = graph
    orientation = options.orientation
    bordered = options.borderedBoxes
    measure(sizes)
    tops = CrossPlacement(
      graph: graph, layers: layers, extents: extents, outOffsets: outOffsets,
      inOffsets: inOffsets, nodeGap: max(0, options.nodeGap)
    ).tops()
    paths = Array(repeating: nil, count: graph.nodeCount)
    var trackCounts: [Int] = []
    for layer in layers.dropLast() { trackCounts.append(routeGap(after: layer)) }
    placeColumns(layers: layers, trackCounts: trackCounts, layerGap: options.layerGap)
  }

  /// Boxes and routes in screen coordinates.
  func layout(edgeCount: Int, crossings: Int) -> Layout {
    let boxes = (0..<graph.realCount).map { node in
      let start = rankStart(node)
      switch orientation {
      case .leftToRight:
        return CellRect(x: start, y: tops[node], width: rankSizes[node], height: extents[node])
      case .topToBottom:
        return CellRect(x: tops[node], y: start, width: extents[node], height: rankSizes[node])
      }
    }
    let arrow: ArrowDirection = orientation == .leftToRight ? .right : .down
    let routes = (0..<edgeCount).map { EdgeRoute(edge: $0, points: route($0), arrow: arrow) }
    var width = 0
    var height = 0
    for box in boxes {
      width = max(width, box.maxX)
      height = max(height, box.maxY)
    }
    for route in routes {
      for point in route.points {
        width = max(width, point.x + 1)
        height = max(height, point.y + 1)
      }
    }
    return Layout(
      boxes: boxes, routes: routes, width: width, height: height,
      layerOf: Array(graph.layerOf.prefix(graph.realCount)), crossings: crossings)
  }

  private mutating func measure(_ sizes: [CellSize]) {
    for (node, size) in sizes.enumerated() {
      let (along, across) =
        orientation == .leftToRight ? (size.width, size.height) : (size.height, size.width)
      let inputs = graph.up[node].count
      rankSizes.append(along)
      let corners = bordered ? 2 : 0
      extents.append(
        max(across, inputs > 0 ? inputs + corners : 0, graph.down[node].isEmpty ? 0 : 1 + corners))
    }
    extents.append(contentsOf: repeatElement(1, count: graph.nodeCount - graph.realCount))
    outOffsets = extents.indices.map { node in
      node < sizes.count ? portOffset(0, of: 1, extents[node], bordered: bordered) : 0
    }
    inOffsets = Array(repeating: 0, count: graph.upper.count)
    for node in 0..<graph.realCount {
      let segments = graph.up[node]
      for (port, segment) in segments.enumerated() {
        inOffsets[segment] = portOffset(port, of: segments.count, extents[node], bordered: bordered)
      }
    }
  }

  /// Routes the gap after `layer`; returns its number of tracks.
  private mutating func routeGap(after layer: [Int]) -> Int {
    var nets: [ChannelNet] = []
    var owners: [Int] = []
    var occupied: [Int] = []
    for node in layer where !graph.down[node].isEmpty {
      let source = tops[node] + outOffsets[node]
      occupied.append(source)
      var targets: [Int] = []
      for segment in graph.down[node] {
        let target = tops[graph.lower[segment]] + inOffsets[segment]
        occupied.append(target)
        if target != source { targets.append(target) }
      }
      if !targets.isEmpty {
        nets.append(ChannelNet(source: source, targets: targets))
        owners.append(node)
      }
    }
    var router = ChannelRouter(nets: nets, occupiedRows: occupied)
    let (routed, trackCount) = router.route()
    for (node, path) in zip(owners, routed) { paths[node] = path }
    return trackCount
  }

  private mutating func placeColumns(layers: [[Int]], trackCounts: [Int], layerGap: Int) {
    var next = 0
    for (index, layer) in layers.enumerated() {
      var size = 1
      for node in layer where !graph.isDummy(node) { size = max(size, rankSizes[node]) }
      columnStarts.append(next)
      columnSizes.append(size)
      next += size
      if index < trackCounts.count {
        let tracks = trackCounts[index]
        let needed = tracks == 0 ? (bordered ? 2 : 1) : tracks + 3
        let gap = max(layerGap, needed)
        firstTrack.append(next + 1 + (gap - needed) / 2)
        next += gap
      }
    }
  }

  private func rankStart(_ node: Int) -> Int {
    let layer = graph.layerOf[node]
    return columnStarts[layer] + (columnSizes[layer] - rankSizes[node]) / 2
  }

  private func point(rank: Int, cross: Int) -> CellPoint {
    orientation == .leftToRight ? CellPoint(x: rank, y: cross) : CellPoint(x: cross, y: rank)
  }

  /// The corners of edge `edge`'s route, from just outside its source to just outside its target.
  private func route(_ edge: Int) -> [CellPoint] {
    let segments = graph.segmentsOfEdge[edge]
    let source = graph.upper[segments[0]]
    var points = [
      point(rank: rankStart(source) + rankSizes[source], cross: tops[source] + outOffsets[source])
    ]
    for segment in segments {
      let upper = graph.upper[segment]
      let lower = graph.lower[segment]
      let from = tops[upper] + outOffsets[upper]
      let to = tops[lower] + inOffsets[segment]
      if from != to {
        let path = paths[upper]!
        let first = firstTrack[graph.layerOf[upper]]
        points.append(point(rank: first + path.track, cross: from))
        if let jog = path.jog {
          points.append(point(rank: first + path.track, cross: jog.row))
          points.append(point(rank: first + jog.track, cross: jog.row))
          points.append(point(rank: first + jog.track, cross: to))
        } else {
          points.append(point(rank: first + path.track, cross: to))
        }
      }
      if !graph.isDummy(lower) { points.append(point(rank: rankStart(lower) - 1, cross: to)) }
    }
    return withoutStraightCorners(points)
  }
}

/// The offset from a box's start of input port `port` out of `count`, spread evenly over the
/// `extent - 2` cells of the side that are not corners (over all `extent` cells of a borderless box).
private func portOffset(_ port: Int, of count: Int, _ extent: Int, bordered: Bool) -> Int {
  bordered ? 1 + (2 * port + 1) * (extent - 2) / (2 * count) : (2 * port + 1) * extent / (2 * count)
}

/// The polyline without repeated points or points in the middle of a straight run.
private func withoutStraightCorners(_ points: [CellPoint]) -> [CellPoint] {
  var result: [CellPoint] = []
  for point in points where result.last != point {
    if result.count >= 2 {
      let before = result[result.count - 2]
      let corner = result[result.count - 1]
      if (before.x == corner.x && corner.x == point.x) || (before.y == corner.y && corner.y == point.y) {
        result[result.count - 1] = point
        continue
      }
    }
    result.append(point)
  }
  return result
}
