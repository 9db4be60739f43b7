/// Reads `dot -Tplain` output into a `LayeredDrawing`.
///
/// Ranks are the distinct node centre coordinates along the rank axis (y, or x for `rankdir=LR`),
/// rounded to 0.001 inch; a node's position is its other centre coordinate. Each edge's spline
/// (piecewise cubic Bézier control points) is flattened into 32 straight pieces per cubic, so a long
/// edge's dummy sits where the flattened spline crosses the rank's coordinate.
enum DotPlain {
  /// Straight pieces per cubic Bézier segment.
  static let flattening = 32

  /// The drawing of a graph with `nodeCount` nodes named `0`…`nodeCount − 1`, with ranks along x
  /// when `leftToRight`. Throws on a line it cannot read or a node or edge missing.
  static func drawing(_ text: String, nodeCount: Int, edgeCount: Int, leftToRight: Bool) throws
    -> LayeredDrawing
  {
    var centres = [(along: Double, across: Double)?](repeating: nil, count: nodeCount)
    var edges = [(from: Int, to: Int, path: [LayeredDrawing.PathPoint])]()
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ").map(String.init)
      func number(_ index: Int) throws -> Double {
        guard index < fields.count, let value = Double(fields[index]) else {
          throw CheckFailure(description: "dot -Tplain: cannot read \(line.debugDescription)")
        }
        return value
      }
      func node(_ index: Int) throws -> Int {
        guard index < fields.count, let node = Int(fields[index]), (0..<nodeCount).contains(node) else {
          throw CheckFailure(description: "dot -Tplain: unknown node in \(line.debugDescription)")
        }
        return node
      }
      func point(_ x: Double, _ y: Double) -> LayeredDrawing.PathPoint {
        leftToRight ? (x, y) : (y, x)
      }
      switch fields.first {
      case "node":
        centres[try node(1)] = point(try number(2), try number(3))
      case "edge":
        let count = Int(try number(3))
        guard count >= 4, (count - 1) % 3 == 0 else {
          throw CheckFailure(
            description: "dot -Tplain: a spline of \(count) points in \(line.debugDescription)")
        }
        let controls = try (0..<count).map { point(try number(4 + 2 * $0), try number(5 + 2 * $0)) }
        edges.append((try node(1), try node(2), flattened(controls)))
      default: continue
      }
    }
    if let missing = centres.firstIndex(where: { $0 == nil }) {
      throw CheckFailure(description: "dot -Tplain has no node \(missing)")
    }
    guard edges.count == edgeCount else {
      throw CheckFailure(description: "dot -Tplain drew \(edges.count) edges, expected \(edgeCount)")
    }
    let placed = centres.map { $0! }
    let levels = Set(placed.map { ($0.along * 1000).rounded() }).sorted()
    let rankOf = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
    return LayeredDrawing(
      rank: placed.map { rankOf[($0.along * 1000).rounded()]! }, position: placed.map(\.across),
      rankCoordinate: levels.map { $0 / 1000 }, edges: edges)
  }

  /// The Bézier spline through `controls` (p0 p1 p2 p3, p3 p4 p5 p6, …) as a polyline.
  static func flattened(_ controls: [LayeredDrawing.PathPoint]) -> [LayeredDrawing.PathPoint] {
    var path = [controls[0]]
    for start in stride(from: 0, to: controls.count - 1, by: 3) {
      let (p0, p1, p2, p3) = (controls[start], controls[start + 1], controls[start + 2], controls[start + 3])
      for step in 1...flattening {
        let t = Double(step) / Double(flattening)
        let u = 1 - t
        let (a, b, c, d) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
        path.append(
          (
            a * p0.along + b * p1.along + c * p2.along + d * p3.along,
            a * p0.across + b * p1.across + c * p2.across + d * p3.across
          ))
      }
    }
    return path
  }
}
