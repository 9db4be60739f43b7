import GraphLayout

/// Draws a layout as text, with box-drawing characters, to look at while developing.
enum TextRenderer {
  private struct Links: OptionSet {
    let rawValue: UInt8
    static let up = Links(rawValue: 1)
    static let down = Links(rawValue: 2)
    static let left = Links(rawValue: 4)
    static let right = Links(rawValue: 8)
  }

  /// The layout as lines of text; boxes show `labels`.
  static func render(_ layout: Layout, labels: [String]) -> String {
    var grid = [[Character]](
      repeating: [Character](repeating: " ", count: layout.width), count: layout.height)
    var links = [[Links]](repeating: [Links](repeating: [], count: layout.width), count: layout.height)
    for route in layout.routes {
      for (from, to) in zip(route.points, route.points.dropFirst()) {
        let horizontal = from.y == to.y
        let count = horizontal ? abs(to.x - from.x) : abs(to.y - from.y)
        let step = CellPoint(x: (to.x - from.x).signum(), y: (to.y - from.y).signum())
        for index in 0..<count {
          let here = CellPoint(x: from.x + step.x * index, y: from.y + step.y * index)
          let there = CellPoint(x: here.x + step.x, y: here.y + step.y)
          links[here.y][here.x].insert(toward(step))
          links[there.y][there.x].insert(toward(CellPoint(x: -step.x, y: -step.y)))
        }
      }
    }
    for y in 0..<layout.height {
      for x in 0..<layout.width where !links[y][x].isEmpty { grid[y][x] = glyph(links[y][x]) }
    }
    for route in layout.routes {
      let end = route.points.last!
      grid[end.y][end.x] = route.arrow == .right ? "▶" : route.arrow == .down ? "▼" : "?"
    }
    for (box, label) in zip(layout.boxes, labels) { draw(box, label, into: &grid) }
    return grid.map { String($0).replacingTrailingSpaces() }.joined(separator: "\n")
  }

  private static func toward(_ step: CellPoint) -> Links {
    step.x > 0 ? .right : step.x < 0 ? .left : step.y > 0 ? .down : .up
  }

  private static func glyph(_ links: Links) -> Character {
    switch links {
    case [.left, .right], [.left], [.right]: return "─"
    case [.up, .down], [.up], [.down]: return "│"
    case [.down, .right]: return "┌"
    case [.down, .left]: return "┐"
    case [.up, .right]: return "└"
    case [.up, .left]: return "┘"
    case [.up, .down, .right]: return "├"
    case [.up, .down, .left]: return "┤"
    case [.left, .right, .down]: return "┬"
    case [.left, .right, .up]: return "┴"
    default: return "┼"
    }
  }

  private static func draw(_ box: CellRect, _ label: String, into grid: inout [[Character]]) {
    for y in box.y..<box.maxY {
      for x in box.x..<box.maxX {
        let top = y == box.y
        let bottom = y == box.maxY - 1
        let left = x == box.x
        let right = x == box.maxX - 1
        grid[y][x] =
          switch (top, bottom, left, right) {
          case (true, _, true, _): "┌"
          case (true, _, _, true): "┐"
          case (_, true, true, _): "└"
          case (_, true, _, true): "┘"
          case (true, _, _, _), (_, true, _, _): "─"
          case (_, _, true, _), (_, _, _, true): "│"
          default: " "
          }
      }
    }
    let row = box.y + (box.height - 1) / 2
    let start = box.x + max(1, (box.width - label.count) / 2)
    for (offset, character) in label.prefix(max(0, box.width - 2)).enumerated() {
      grid[row][start + offset] = character
    }
  }
}

extension String {
  fileprivate func replacingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
