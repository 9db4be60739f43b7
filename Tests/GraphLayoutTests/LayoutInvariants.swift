import GraphLayout

/// Checks everything a drawer relies on; returns one message per broken rule (empty when all hold).
enum LayoutInvariants {
  fileprivate enum Use: Int {
    case horizontal, vertical, end
  }

  static func violations(
    of layout: Layout, for input: LayoutInput, orientation: Orientation
  ) -> [String] {
    var problems: [String] = []
    let boxes = layout.boxes
    guard boxes.count == input.sizes.count, layout.routes.count == input.edges.count else {
      return ["\(boxes.count) boxes and \(layout.routes.count) routes for \(input.sizes.count) nodes"]
    }
    let leftToRight = orientation == .leftToRight
    var owner = CellGrid(width: layout.width, height: layout.height)
    for (node, box) in boxes.enumerated() {
      let size = input.sizes[node]
      let rankSize = leftToRight ? box.width == size.width : box.height == size.height
      if !rankSize || box.width < size.width || box.height < size.height {
        problems.append("box \(node) is \(box), asked for \(size)")
      }
      if box.x < 0 || box.y < 0 || box.maxX > layout.width || box.maxY > layout.height {
        problems.append("box \(node) is outside the layout")
        continue
      }
      for y in box.y..<box.maxY {
        for x in box.x..<box.maxX {
          if owner[x, y] >= 0 { problems.append("boxes \(owner[x, y]) and \(node) overlap") }
          owner[x, y] = node
        }
      }
    }
    for (node, box) in boxes.enumerated() {
      for y in (box.y - 1)...box.maxY where y >= 0 && y < layout.height {
        for x in (box.x - 1)...box.maxX where x >= 0 && x < layout.width {
          if owner[x, y] >= 0 && owner[x, y] != node {
            problems.append("boxes \(owner[x, y]) and \(node) touch")
          }
        }
      }
    }
    var uses = CellUses(width: layout.width, height: layout.height)
    var arrivals = [[(edge: Int, cross: Int)]](repeating: [], count: boxes.count)
    for (index, route) in layout.routes.enumerated() {
      let edge = input.edges[index]
      guard route.edge == index, route.points.count >= 2 else {
        problems.append("route \(index) is malformed")
        continue
      }
      let cells = cellsAlong(route.points)
      guard let cells else {
        problems.append("route \(index) has a segment that is not axis-aligned")
        continue
      }
      for (cell, use) in cells {
        guard cell.x >= 0, cell.y >= 0, cell.x < layout.width, cell.y < layout.height else {
          problems.append("route \(index) leaves the layout at \(cell)")
          break
        }
        if owner[cell.x, cell.y] >= 0 {
          problems.append("route \(index) goes through box \(owner[cell.x, cell.y]) at \(cell)")
        }
        if let other = uses.add(source: edge.from, use, at: cell) {
          problems.append("routes from \(other) and \(edge.from) share cell \(cell)")
        }
      }
      let (first, second) = (route.points[0], route.points[1])
      let source = boxes[edge.from]
      let (last, before) = (route.points[route.points.count - 1], route.points[route.points.count - 2])
      let target = boxes[edge.to]
      if leftToRight {
        if first.x != source.maxX || !interior(first.y, source.y, source.height) || second.y != first.y
          || second.x <= first.x
        {
          problems.append("route \(index) does not leave the right side of box \(edge.from)")
        }
        if last.x != target.x - 1 || !interior(last.y, target.y, target.height) || before.y != last.y
          || before.x >= last.x || route.arrow != .right
        {
          problems.append("route \(index) does not enter the left side of box \(edge.to)")
        }
        arrivals[edge.to].append((index, last.y))
      } else {
        if first.y != source.maxY || !interior(first.x, source.x, source.width) || second.x != first.x
          || second.y <= first.y
        {
          problems.append("route \(index) does not leave the bottom of box \(edge.from)")
        }
        if last.y != target.y - 1 || !interior(last.x, target.x, target.width) || before.x != last.x
          || before.y >= last.y || route.arrow != .down
        {
          problems.append("route \(index) does not enter the top of box \(edge.to)")
        }
        arrivals[edge.to].append((index, last.x))
      }
    }
    for (node, ports) in arrivals.enumerated() {
      let crosses = ports.map(\.cross)
      if crosses != crosses.sorted() || Set(crosses).count != crosses.count {
        problems.append("inputs of box \(node) do not enter at distinct ports in input order")
      }
    }
    return problems
  }

  /// Whether `value` is on the side of a box starting at `start` of length `length`, off its corners.
  private static func interior(_ value: Int, _ start: Int, _ length: Int) -> Bool {
    value > start && value < start + length - 1
  }

  /// Every cell of a polyline and how the line uses it (through, or as a corner or end); nil if a segment is diagonal or empty.
  private static func cellsAlong(_ points: [CellPoint]) -> [(CellPoint, Use)]? {
    var cells: [(CellPoint, Use)] = []
    for (index, (from, to)) in zip(points, points.dropFirst()).enumerated() {
      guard (from.x == to.x) != (from.y == to.y) else { return nil }
      let horizontal = from.y == to.y
      let length = horizontal ? abs(to.x - from.x) : abs(to.y - from.y)
      let step = CellPoint(x: (to.x - from.x).signum(), y: (to.y - from.y).signum())
      for offset in (index == 0 ? 0 : 1)...length {
        let cell = CellPoint(x: from.x + step.x * offset, y: from.y + step.y * offset)
        let isEnd = offset == length || (index == 0 && offset == 0)
        cells.append((cell, isEnd ? .end : horizontal ? .horizontal : .vertical))
      }
    }
    return cells
  }
}

/// One number per cell of the layout (-1 where nothing is), stored row by row.
private struct CellGrid {
  let width: Int
  private var values: [Int32]

  init(width: Int, height: Int) {
    self.width = width
    values = Array(repeating: -1, count: width * height)
  }

  subscript(x: Int, y: Int) -> Int {
    get { Int(values[y * width + x]) }
    set { values[y * width + x] = Int32(newValue) }
  }
}

/// Which source's route first used each cell, per kind of use: two routes from different sources
/// may share a cell only where one runs across the other.
private struct CellUses {
  private var byUse: [CellGrid]

  init(width: Int, height: Int) {
    byUse = Array(repeating: CellGrid(width: width, height: height), count: 3)
  }

  /// Records that a route from `source` uses `cell`; returns another source it clashes with there.
  mutating func add(source: Int, _ use: LayoutInvariants.Use, at cell: CellPoint) -> Int? {
    let clashing: [LayoutInvariants.Use] =
      switch use {
      case .horizontal: [.horizontal, .end]
      case .vertical: [.vertical, .end]
      case .end: [.horizontal, .vertical, .end]
      }
    var other: Int?
    for kind in clashing where other == nil {
      let user = byUse[kind.rawValue][cell.x, cell.y]
      if user >= 0 && user != source { other = user }
    }
    if byUse[use.rawValue][cell.x, cell.y] < 0 { byUse[use.rawValue][cell.x, cell.y] = source }
    return other
  }
}
