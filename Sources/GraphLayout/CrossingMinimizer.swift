/// Orders the nodes of each layer to reduce edge crossings. First Graphviz `dot`'s schedule: a few
/// sweeps from a depth-first order from the sources, a few from one from the sinks, then more from
/// the better of the two; a sweep sorts each layer by the weighted median of its neighbours in the
/// previous layer (barycenter breaks ties), then transposes adjacent nodes while that helps. Then
/// sifting, layer by layer, until no layer changes (at most ``siftRounds`` rounds; layers wider than
/// ``LayerLocalSearch/siftWidthLimit`` are left to the sweeps, as sifting costs the square of a
/// layer's width). Small graphs then try more starts (the same sweeps and sifting from other orders)
/// and keep the best.
///
/// Orders are priced by ``crossingCost(crossed:short:drawn:)``, which counts a port inversion (two
/// inputs of a node arriving in the opposite order to their ports) as a crossing too, and the keys
/// that sort a layer by its neighbours below include the port each segment enters, so `z = w + s`
/// gets `w` above `s`.
struct CrossingMinimizer {
  /// The layered graph being ordered.
  let graph: LayeredGraph
  /// The nodes of each layer, in order.
  private(set) var layers: [[Int]] = []
  /// Each node's index in its layer.
  private(set) var positions: [Int]
  /// Transposition rounds allowed per sweep: from 16 on small graphs down to 1 on graphs with
  /// 8,000 segments or more, to keep large layouts fast.
  private let roundsPerSweep: Int
  /// Extra starts after the first (breadth-first orders from the sources and from the sinks, then
  /// shuffles of the best order so far): 8 on small graphs, none from 2,000 segments on.
  private let restarts: Int
  private var counter = CrossingCounter()
  private var search = LayerLocalSearch()
  private var scratch: [Int] = []
  /// The keys ``reorder(_:fromAbove:reverse:)`` sorts a layer by, kept between calls.
  private var keyedScratch: [(median: Double, barycenter: Double, index: Int, node: Int)]? = []

  init(graph: LayeredGraph) {
    self.graph = graph
    roundsPerSweep = max(1, min(16, 16_000 / max(1, graph.upper.count)))
    restarts = min(8, 2_000 / max(1, graph.upper.count))
    positions = [Int](repeating: 0, count: graph.nodeCount)
  }

  /// Runs dot's schedule with at most `sweeps` sweeps in its last stage, sifts, then tries the
  /// extra starts; leaves the best order found in ``layers`` and returns its crossings.
  mutating func minimize(sweeps: Int) -> Int {
    guard runDotSchedule(sweeps: sweeps) > 0 else { return 0 }
    siftUntilStable()
    var best = counter.cost(graph, layers: layers, positions: positions)
    var bestLayers = layers
    var random = SplitMix64(seed: 14)
    for restart in 0..<restarts where best > 0 {
      if restart < 2 {
        setLayers(breadthFirstOrder(fromSources: restart == 0))
      } else {
        setLayers(bestLayers.map { $0.shuffled(using: &random) })
      }
      sweepWhileGaining(sweeps)
      siftUntilStable()
      let cost = counter.cost(graph, layers: layers, positions: positions)
      if cost < best {
        best = cost
        bestLayers = layers
      }
    }
    setLayers(bestLayers)
    return counter.total(graph, layers: layers, positions: positions).crossed
  }

  /// Dot's schedule, with at most `sweeps` sweeps in its last stage (which stops after eight sweeps
  /// without a real gain); leaves the best order found in ``layers`` and returns its cost.
  private mutating func runDotSchedule(sweeps: Int) -> Int {
    var best = Int.max
    var bestLayers: [[Int]] = []
    for stage in 0..<3 {
      setLayers(stage < 2 ? depthFirstOrder(fromSources: stage == 0) : bestLayers)
      let cost = sweepWhileGaining(stage < 2 ? min(4, sweeps) : sweeps)
      if cost <= best {
        best = cost
        bestLayers = layers
      }
    }
    setLayers(bestLayers)
    return best
  }

  /// Up to `sweeps` sweeps from the current order, stopping after eight without a real gain; leaves
  /// the best order met in ``layers`` and returns its cost.
  @discardableResult
  private mutating func sweepWhileGaining(_ sweeps: Int) -> Int {
    var best = counter.cost(graph, layers: layers, positions: positions)
    var bestLayers = layers
    var sinceGain = 0
    for sweep in 0..<sweeps where best > 0 && sinceGain < 8 {
      sinceGain += 1
      self.sweep(sweep)
      let cost = counter.cost(graph, layers: layers, positions: positions)
      if cost <= best {
        if Double(cost) < 0.995 * Double(best) { sinceGain = 0 }
        best = cost
        bestLayers = layers
      }
    }
    setLayers(bestLayers)
    return best
  }

  private mutating func setLayers(_ newLayers: [[Int]]) {
    layers = newLayers
    for layer in layers { for (index, node) in layer.enumerated() { positions[node] = index } }
  }

  private mutating func setLayer(_ layer: Int, _ nodes: [Int]) {
    layers[layer] = nodes
    for (index, node) in nodes.enumerated() { positions[node] = index }
  }

  /// Nodes in depth-first discovery order, from the sources along outgoing edges or from the sinks
  /// along incoming ones, in node and edge order.
  private func depthFirstOrder(fromSources: Bool) -> [[Int]] {
    let (starts, neighbours) =
      fromSources ? (graph.belowStarts, graph.belowNodes) : (graph.aboveStarts, graph.aboveNodes)
    var layers = [[Int]](repeating: [], count: graph.layerCount)
    var visited = [Bool](repeating: false, count: graph.nodeCount)
    var stack: [Int] = []
    let otherSide = fromSources ? graph.aboveStarts : graph.belowStarts
    for root in 0..<graph.realCount where otherSide[root] == otherSide[root + 1] {
      stack.append(root)
      while let node = stack.popLast() {
        if visited[node] { continue }
        visited[node] = true
        layers[graph.layerOf[node]].append(node)
        for next in neighbours[starts[node]..<starts[node + 1]].reversed() where !visited[next] {
          stack.append(next)
        }
      }
    }
    return layers
  }

  /// Nodes in breadth-first discovery order over edges in both directions, like `dot`'s initial
  /// order: from each source in node order (neighbours below first, then above), or from each sink
  /// (neighbours above first).
  private func breadthFirstOrder(fromSources: Bool) -> [[Int]] {
    var layers = [[Int]](repeating: [], count: graph.layerCount)
    var visited = [Bool](repeating: false, count: graph.nodeCount)
    var queue: [Int] = []
    let rootSide = fromSources ? graph.aboveStarts : graph.belowStarts
    for root in 0..<graph.realCount where rootSide[root] == rootSide[root + 1] && !visited[root] {
      visited[root] = true
      queue.append(root)
      var head = queue.count - 1
      while head < queue.count {
        let node = queue[head]
        head += 1
        layers[graph.layerOf[node]].append(node)
        let below = graph.belowNodes[graph.belowStarts[node]..<graph.belowStarts[node + 1]]
        let above = graph.aboveNodes[graph.aboveStarts[node]..<graph.aboveStarts[node + 1]]
        for next in fromSources ? Array(below) + above : Array(above) + below where !visited[next] {
          visited[next] = true
          queue.append(next)
        }
      }
    }
    return layers
  }

  /// Sweep number `sweep`: down on even numbers, up on odd ones; median ties are reversed (and
  /// transpositions keep equal orders) in the first two of every four, and the other way round after.
  private mutating func sweep(_ sweep: Int) {
    let reverse = sweep % 4 < 2
    if sweep % 2 == 0 {
      for layer in layers.indices.dropFirst() { reorder(layer, fromAbove: true, reverse: reverse) }
    } else {
      for layer in layers.indices.dropLast().reversed() {
        reorder(layer, fromAbove: false, reverse: reverse)
      }
    }
    transposeAll(keepingTies: !reverse, rounds: roundsPerSweep)
  }

  /// Sorts one layer by the weighted median of its neighbours' keys in the layer above (or of the
  /// ports it enters in the layer below), ties by barycenter, then by current place (reversed if
  /// `reverse`). Nodes without such neighbours keep their places.
  private mutating func reorder(_ layer: Int, fromAbove: Bool, reverse: Bool) {
    let bits = graph.portBits
    let starts = fromAbove ? graph.aboveStarts : graph.belowStarts
    var keyed = keyedScratch.take() ?? []
    keyed.removeAll(keepingCapacity: true)
    for (index, node) in layers[layer].enumerated() {
      guard starts[node] < starts[node + 1] else { continue }
      scratch.removeAll(keepingCapacity: true)
      var sum = 0
      for entry in starts[node]..<starts[node + 1] {
        let key =
          fromAbove
          ? positions[graph.aboveNodes[entry]] << bits
          : positions[graph.belowNodes[entry]] << bits | graph.belowPorts[entry]
        scratch.append(key)
        sum += key
      }
      if scratch.count > 1 { scratch.sort() }
      let barycenter = Double(sum) / Double(scratch.count)
      keyed.append((weightedMedian(scratch), barycenter, reverse ? -index : index, node))
    }
    keyed.sort { ($0.median, $0.barycenter, $0.index) < ($1.median, $1.barycenter, $1.index) }
    // Written in place: a slot keeps a node without neighbours, or takes the next sorted one.
    var next = 0
    for index in layers[layer].indices {
      let node = layers[layer][index]
      guard starts[node] < starts[node + 1] else { continue }
      layers[layer][index] = keyed[next].node
      positions[keyed[next].node] = index
      next += 1
    }
    keyedScratch = keyed
  }

  /// Transposes adjacent nodes while that lowers the cost, for at most `rounds` rounds, revisiting
  /// only layers next to a change. With `keepingTies`, swaps that keep the cost are made too.
  private mutating func transposeAll(keepingTies: Bool, rounds: Int) {
    var candidate = [Bool](repeating: true, count: layers.count)
    var round = 0
    var changed = true
    while changed && round < rounds {
      changed = false
      round += 1
      for layer in layers.indices where candidate[layer] {
        candidate[layer] = false
        guard
          search.transpose(
            &layers[layer], graph: graph, positions: positions, keepingTies: keepingTies)
        else { continue }
        for (index, node) in layers[layer].enumerated() { positions[node] = index }
        changed = true
        for neighbour in (layer - 1)...(layer + 1) where layers.indices.contains(neighbour) {
          candidate[neighbour] = true
        }
      }
    }
  }

  /// The most rounds of ``siftUntilStable()``, so that its cost stays linear in the graph's size.
  static let siftRounds = 16

  /// Sifts layers, down then up, until none moves or after ``siftRounds`` rounds: a layer is
  /// sifted again only after a layer next to it has changed.
  private mutating func siftUntilStable() {
    var stale = [Bool](repeating: true, count: layers.count)
    var changed = true
    var round = 0
    while changed && round < Self.siftRounds {
      changed = false
      round += 1
      for layer in Array(layers.indices) + layers.indices.reversed() where stale[layer] {
        stale[layer] = false
        guard let order = search.sift(layers[layer], graph: graph, positions: positions) else {
          continue
        }
        setLayer(layer, order)
        changed = true
        for neighbour in [layer - 1, layer + 1] where layers.indices.contains(neighbour) {
          stale[neighbour] = true
        }
      }
    }
  }
}

/// Dot's weighted median of sorted positions: the middle one, or for an even count the two middle
/// ones weighted towards the side where the neighbours are packed more tightly.
private func weightedMedian(_ sorted: [Int]) -> Double {
  let count = sorted.count
  let middle = count / 2
  if count % 2 == 1 { return Double(sorted[middle]) }
  if count == 2 { return Double(sorted[0] + sorted[1]) / 2 }
  let left = Double(sorted[middle - 1] - sorted[0])
  let right = Double(sorted[count - 1] - sorted[middle])
  if left + right == 0 { return Double(sorted[middle - 1] + sorted[middle]) / 2 }
  return (Double(sorted[middle - 1]) * right + Double(sorted[middle]) * left) / (left + right)
}

/// A small seeded pseudo-random generator (Steele, Lea and Flood's SplitMix64), so that restarts
/// are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
