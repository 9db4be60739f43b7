/// Orders the nodes of each layer to reduce edge crossings, on Graphviz `dot`'s schedule: a few
/// sweeps from a depth-first order from the sources, a few from one from the sinks, then more from
/// the better of the two. A sweep sorts each layer by the weighted median of its neighbours in the
/// previous layer (barycenter breaks ties), then transposes adjacent nodes while that helps.
struct CrossingMinimizer {
  /// The layered graph being ordered.
  let graph: LayeredGraph
  /// The nodes of each layer, in order.
  private(set) var layers: [[Int]] = []
  /// Each node's index in its layer.
  private(set) var positions: [Int]
  /// Transposition rounds allowed per sweep (the last transposition runs to the end): from 16 on
  /// small graphs down to 1 on graphs with 8,000 segments or more, to keep large layouts fast.
  private let roundsPerSweep: Int
  private var counter = CrossingCounter()
  private var scratch: [Int] = []
  private var above = NeighbourLists()
  private var below = NeighbourLists()

  init(graph: LayeredGraph) {
    self.graph = graph
    roundsPerSweep = max(1, min(16, 16_000 / max(1, graph.upper.count)))
    positions = [Int](repeating: 0, count: graph.nodeCount)
  }

  /// Runs the schedule with at most `sweeps` sweeps in its last stage (which stops after eight
  /// sweeps without a real gain), leaves the best order found in ``layers``, returns its crossings.
  mutating func minimize(sweeps: Int) -> Int {
    var best = Int.max
    var bestLayers: [[Int]] = []
    for stage in 0..<3 {
      if stage < 2 {
        setLayers(depthFirstOrder(fromSources: stage == 0))
        let crossings = counter.total(graph, layers: layers, positions: positions)
        if crossings <= best {
          best = crossings
          bestLayers = layers
        }
      } else {
        setLayers(bestLayers)
      }
      var sinceGain = 0
      for sweep in 0..<(stage < 2 ? min(4, sweeps) : sweeps) where best > 0 && sinceGain < 8 {
        sinceGain += 1
        self.sweep(sweep)
        let crossings = counter.total(graph, layers: layers, positions: positions)
        if crossings <= best {
          if Double(crossings) < 0.995 * Double(best) { sinceGain = 0 }
          best = crossings
          bestLayers = layers
        }
      }
    }
    setLayers(bestLayers)
    guard best > 0 else { return best }
    transposeAll(reverse: false, rounds: Int.max)
    return counter.total(graph, layers: layers, positions: positions)
  }

  private mutating func setLayers(_ newLayers: [[Int]]) {
    layers = newLayers
    for layer in layers { for (index, node) in layer.enumerated() { positions[node] = index } }
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
    transposeAll(reverse: !reverse, rounds: roundsPerSweep)
  }

  /// Sorts one layer by the weighted median of its neighbours in the layer above (or below), ties
  /// by barycenter, then by current place (reversed if `reverse`). Nodes without such neighbours
  /// keep their places.
  private mutating func reorder(_ layer: Int, fromAbove: Bool, reverse: Bool) {
    let nodes = layers[layer]
    let (starts, neighbours) =
      fromAbove ? (graph.aboveStarts, graph.aboveNodes) : (graph.belowStarts, graph.belowNodes)
    var keyed: [(median: Double, barycenter: Double, index: Int, node: Int)] = []
    keyed.reserveCapacity(nodes.count)
    var fixed = [Bool](repeating: false, count: nodes.count)
    for (index, node) in nodes.enumerated() {
      guard starts[node] < starts[node + 1] else {
        fixed[index] = true
        continue
      }
      scratch.removeAll(keepingCapacity: true)
      var sum = 0
      for neighbour in neighbours[starts[node]..<starts[node + 1]] {
        scratch.append(positions[neighbour])
        sum += positions[neighbour]
      }
      if scratch.count > 1 { scratch.sort() }
      let barycenter = Double(sum) / Double(scratch.count)
      keyed.append((weightedMedian(scratch), barycenter, reverse ? -index : index, node))
    }
    keyed.sort { ($0.median, $0.barycenter, $0.index) < ($1.median, $1.barycenter, $1.index) }
    var next = 0
    for index in nodes.indices where !fixed[index] {
      layers[layer][index] = keyed[next].node
      positions[keyed[next].node] = index
      next += 1
    }
  }

  /// Transposes adjacent nodes while that removes crossings, for at most `rounds` rounds, revisiting
  /// only layers next to a change. With `reverse`, swaps that keep the count are made too.
  private mutating func transposeAll(reverse: Bool, rounds: Int) {
    var candidate = [Bool](repeating: true, count: layers.count)
    var gain = 1
    var round = 0
    while gain > 0 && round < rounds {
      gain = 0
      round += 1
      for layer in layers.indices where candidate[layer] {
        candidate[layer] = false
        let (layerGain, swapped) = transpose(layer, reverse: reverse)
        gain += layerGain
        if swapped {
          for neighbour in (layer - 1)...(layer + 1) where layers.indices.contains(neighbour) {
            candidate[neighbour] = true
          }
        }
      }
    }
  }

  /// One pass of adjacent swaps over a layer; returns the crossings removed and whether it swapped.
  private mutating func transpose(_ layer: Int, reverse: Bool) -> (gain: Int, swapped: Bool) {
    let nodes = layers[layer]
    guard nodes.count > 1 else { return (0, false) }
    above.reset()
    below.reset()
    for node in nodes {
      above.append(graph.aboveNodes[graph.aboveStarts[node]..<graph.aboveStarts[node + 1]], positions)
      below.append(graph.belowNodes[graph.belowStarts[node]..<graph.belowStarts[node + 1]], positions)
    }
    var order = Array(nodes.indices)
    var gain = 0
    var swapped = false
    for slot in 0..<(nodes.count - 1) {
      let first = order[slot]
      let second = order[slot + 1]
      let (aboveKept, aboveFlipped) = above.crossings(first, second)
      let (belowKept, belowFlipped) = below.crossings(first, second)
      let kept = aboveKept + belowKept
      let flipped = aboveFlipped + belowFlipped
      if flipped < kept || (reverse && kept > 0 && flipped == kept) {
        order.swapAt(slot, slot + 1)
        gain += kept - flipped
        swapped = true
      }
    }
    if swapped {
      layers[layer] = order.map { nodes[$0] }
      for (index, node) in layers[layer].enumerated() { positions[node] = index }
    }
    return (gain, swapped)
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

/// Sorted neighbour positions of the nodes of one layer, stored back to back.
private struct NeighbourLists {
  private var starts = [0]
  private var values: [Int] = []

  mutating func reset() {
    starts.removeAll(keepingCapacity: true)
    starts.append(0)
    values.removeAll(keepingCapacity: true)
  }

  /// Appends one node's list: the positions of its neighbours, sorted.
  mutating func append(_ neighbours: ArraySlice<Int>, _ positions: [Int]) {
    let start = values.count
    for neighbour in neighbours { values.append(positions[neighbour]) }
    if neighbours.count > 1 { values[start...].sort() }
    starts.append(values.count)
  }

  /// Crossings among these neighbours' segments with list `first` placed before list `second`,
  /// and with `second` before `first`.
  func crossings(_ first: Int, _ second: Int) -> (kept: Int, flipped: Int) {
    var index = starts[first]
    var equalEnd = index
    let end = starts[first + 1]
    var kept = 0
    var equal = 0
    for other in values[starts[second]..<starts[second + 1]] {
      while index < end && values[index] < other { index += 1 }
      equalEnd = max(equalEnd, index)
      while equalEnd < end && values[equalEnd] == other { equalEnd += 1 }
      kept += end - equalEnd
      equal += equalEnd - index
    }
    let pairs = (end - starts[first]) * (starts[second + 1] - starts[second])
    return (kept, pairs - kept - equal)
  }
}
