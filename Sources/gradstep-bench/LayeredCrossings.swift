/// The one crossing rule W4 applies to dot's drawing and to ours, from coordinates alone.
///
/// Each node has a rank and a position (its centre across the ranks). Each rank has a coordinate
/// along the rank axis. An edge spanning k > 1 ranks passes k − 1 dummies: at each rank in between,
/// the dummy's position is where the edge's drawn path crosses that rank's coordinate (the first
/// crossing, linearly interpolated along the path). Between each pair of adjacent ranks the
/// pieces are straight segments; two cross when their ends are in strictly opposite order at both
/// ranks, so pieces sharing an end (equal position) never cross.
struct LayeredDrawing {
  /// A point of a drawn path: `along` the rank axis and `across` it.
  typealias PathPoint = (along: Double, across: Double)

  /// Each node's rank.
  var rank: [Int]
  /// Each node's position across the ranks.
  var position: [Double]
  /// Each rank's coordinate along the rank axis.
  var rankCoordinate: [Double]
  /// The edges, with the path each is drawn along.
  var edges: [(from: Int, to: Int, path: [PathPoint])]

  /// The crossings by the rule above; throws when an edge joins two nodes of one rank or its path
  /// never reaches a rank in between.
  func crossings() throws -> Int {
    var pieces = [[(upper: Double, lower: Double)]](repeating: [], count: max(rankCoordinate.count - 1, 0))
    for (index, edge) in edges.enumerated() {
      var (from, to) = (edge.from, edge.to)
      if rank[from] > rank[to] { swap(&from, &to) }
      guard rank[from] < rank[to] else {
        throw CheckFailure(
          description: "edge \(index) (\(edge.from)→\(edge.to)) lies within rank \(rank[from])")
      }
      var previous = position[from]
      for step in (rank[from] + 1)...rank[to] {
        let current: Double
        if step == rank[to] {
          current = position[to]
        } else if let across = LayeredDrawing.crossing(of: edge.path, at: rankCoordinate[step]) {
          current = across
        } else {
          throw CheckFailure(
            description: "edge \(index) (\(edge.from)→\(edge.to)) never reaches rank \(step)")
        }
        pieces[step - 1].append((previous, current))
        previous = current
      }
    }
    return pieces.reduce(0) { $0 + LayeredDrawing.crossings(between: $1) }
  }

  /// Where `path` first reaches `along`, linearly interpolated across.
  static func crossing(of path: [PathPoint], at along: Double) -> Double? {
    for (a, b) in zip(path, path.dropFirst()) where a.along != b.along {
      if (a.along - along) * (b.along - along) <= 0 {
        return a.across + (b.across - a.across) * (along - a.along) / (b.along - a.along)
      }
    }
    return nil
  }

  /// Pairs of pieces in strictly opposite order at their two ends: sorted by upper end (then lower),
  /// the strict inversions of the lower ends, counted by merge sort in O(n log n).
  static func crossings(between pieces: [(upper: Double, lower: Double)]) -> Int {
    var lower = pieces.sorted { ($0.upper, $0.lower) < ($1.upper, $1.lower) }.map(\.lower)
    var scratch = lower
    var count = 0
    var width = 1
    while width < lower.count {
      for start in stride(from: 0, to: lower.count, by: 2 * width) {
        let middle = min(start + width, lower.count)
        let end = min(start + 2 * width, lower.count)
        var (left, right, out) = (start, middle, start)
        while left < middle || right < end {
          if right == end || (left < middle && lower[left] <= lower[right]) {
            scratch[out] = lower[left]
            left += 1
          } else {
            count += middle - left
            scratch[out] = lower[right]
            right += 1
          }
          out += 1
        }
      }
      swap(&lower, &scratch)
      width *= 2
    }
    return count
  }
}
