/// One source's connections across the gap between two layers: the row (cross-axis coordinate) it
/// leaves on and the rows it must reach on the other side, none equal to `source`.
struct ChannelNet {
  /// The row the net leaves its source on.
  var source: Int
  /// The rows of the ports it enters.
  var targets: [Int]

  var low: Int { min(source, targets.min()!) }
  var high: Int { max(source, targets.max()!) }
  /// Whether the net mostly heads towards larger rows.
  var heading: Bool { high - source >= source - low }

  func overlaps(_ other: ChannelNet) -> Bool { low <= other.high && other.low <= high }
}

/// How a net crosses a gap: along the source row to `track`, along the track to the target rows
/// (or to `jog.row`, then along that row to `jog.track` and along it to the target rows), then along
/// each target row out of the gap.
struct ChannelPath {
  /// The track (0 is nearest to the source layer) of the first cross-axis segment.
  var track: Int
  /// For a dogleg, the free row it jogs along and the track of its second cross-axis segment.
  var jog: (row: Int, track: Int)?
}

/// Channel routing for one gap: gives each net a track so that no two nets share a cell lengthwise.
///
/// A net whose source row is another net's target row must take an earlier track than that net (or
/// their rows would overlap); cycles of such constraints are broken with a dogleg through a free row.
/// Among nets heading the same way, the one that leaves further in that direction goes first, which
/// adds no crossings. Each net takes the first track where its span keeps one cell from the others.
struct ChannelRouter {
  private var nets: [ChannelNet]
  private var occupied: [Int]
  private var rank: [Int] = []
  private var successors: [[Int]]
  private var predecessors: [[Int]]
  private var waiting: [Int]
  private var track: [Int]
  private var jogOf: [(row: Int, net: Int)?]

  /// Prepares to route `nets`; `occupiedRows` are all rows with a horizontal run in the gap.
  init(nets: [ChannelNet], occupiedRows: [Int]) {
    self.nets = nets
    occupied = occupiedRows.sorted()
    successors = Array(repeating: [], count: nets.count)
    predecessors = Array(repeating: [], count: nets.count)
    waiting = Array(repeating: 0, count: nets.count)
    track = Array(repeating: -1, count: nets.count)
    jogOf = Array(repeating: nil, count: nets.count)
    var owner: [Int: Int] = [:]
    for (index, net) in nets.enumerated() { for row in net.targets { owner[row] = index } }
    for (index, net) in nets.enumerated() {
      if let later = owner[net.source] { addConstraint(index, before: later) }
    }
    let priority = nets.indices.sorted { lhs, rhs in
      let left = nets[lhs]
      let right = nets[rhs]
      if left.heading != right.heading { return left.heading }
      let leftKey = left.heading ? -left.source : left.source
      let rightKey = right.heading ? -right.source : right.source
      return (leftKey, lhs) < (rightKey, rhs)
    }
    rank = Array(repeating: 0, count: nets.count)
    for (position, index) in priority.enumerated() { rank[index] = position }
  }

  /// Each input net's path and the number of tracks used.
  mutating func route() -> (paths: [ChannelPath], trackCount: Int) {
    let inputCount = nets.count
    var spans: [[(low: Int, high: Int)]] = []
    var placed: [Int] = []
    var ready = nets.indices.filter { waiting[$0] == 0 }
    while placed.count < nets.count {
      if ready.isEmpty { ready.append(splitCycle()) }
      let pick = ready.indices.min { (rank[ready[$0]], ready[$0]) < (rank[ready[$1]], ready[$1]) }!
      let net = ready.remove(at: pick)
      var first = 0
      for other in predecessors[net] { first = max(first, track[other] + 1) }
      for other in placed
      where nets[other].heading == nets[net].heading && rank[other] < rank[net]
        && nets[other].overlaps(nets[net])
      {
        first = max(first, track[other] + 1)
      }
      let span = (low: nets[net].low, high: nets[net].high)
      var chosen = first
      while chosen < spans.count
        && spans[chosen].contains(where: { $0.high + 1 >= span.low && span.high + 1 >= $0.low })
      {
        chosen += 1
      }
      if chosen == spans.count { spans.append([]) }
      spans[chosen].append(span)
      track[net] = chosen
      placed.append(net)
      for later in successors[net] {
        waiting[later] -= 1
        if waiting[later] == 0 { ready.append(later) }
      }
    }
    let paths = (0..<inputCount).map { net in
      ChannelPath(track: track[net], jog: jogOf[net].map { (row: $0.row, track: track[$0.net]) })
    }
    return (paths, spans.count)
  }

  private mutating func addConstraint(_ earlier: Int, before later: Int) {
    successors[earlier].append(later)
    predecessors[later].append(earlier)
    waiting[later] += 1
  }

  /// Finds a net on a cycle of unplaced nets and splits it into a first half, from its source to a
  /// free row (returned, ready to place), and a second half from that row to its targets.
  private mutating func splitCycle() -> Int {
    var net = track.firstIndex(of: -1)!
    var seen = [Bool](repeating: false, count: nets.count)
    while !seen[net] {
      seen[net] = true
      net = predecessors[net].first { track[$0] < 0 }!
    }
    let row = freeRow(near: (nets[net].low + nets[net].high) / 2)
    let second = nets.count
    nets.append(ChannelNet(source: row, targets: nets[net].targets))
    nets[net].targets = [row]
    rank.append(rank[net])
    track.append(-1)
    jogOf.append(nil)
    successors.append([])
    predecessors.append([])
    waiting.append(0)
    for earlier in predecessors[net] {
      successors[earlier] = successors[earlier].map { $0 == net ? second : $0 }
      predecessors[second].append(earlier)
      if track[earlier] < 0 { waiting[second] += 1 }
    }
    predecessors[net] = []
    waiting[net] = 0
    addConstraint(net, before: second)
    jogOf[net] = (row, second)
    return net
  }

  /// The non-negative row closest to `center` that no horizontal run in the gap uses yet.
  private mutating func freeRow(near center: Int) -> Int {
    var distance = 0
    while true {
      for row in [center - distance, center + distance] where row >= 0 {
        let index = insertionIndex(of: row)
        if index == occupied.count || occupied[index] != row {
          occupied.insert(row, at: index)
          return row
        }
      }
      distance += 1
    }
  }

  private func insertionIndex(of row: Int) -> Int {
    var low = 0
    var high = occupied.count
    while low < high {
      let middle = (low + high) / 2
      if occupied[middle] < row { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
