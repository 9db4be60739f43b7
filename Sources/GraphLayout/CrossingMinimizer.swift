/// Orders the nodes of each layer to reduce edge crossings: a depth-first initial order, then
/// alternating down and up sweeps that sort each layer by the weighted median of its neighbours
/// (barycenter to break ties), each followed by adjacent transpositions; the best order wins.
struct CrossingMinimizer {
  /// The layered graph being ordered.
  let graph: LayeredGraph
  /// The nodes of each layer, in order.
  private(set) var layers: [[Int]]
  /// Each node's index in its layer.
  private(set) var positions: [Int]
  private var counter = CrossingCounter()
  private var scratch: [Int] = []

  /// Starts from the depth-first discovery order from the sources, in node and edge order.
  init(graph: LayeredGraph) {
    self.graph = graph
    var layers = [[Int]](repeating: [], count: graph.layerCount)
    var visited = [Bool](repeating: false, count: graph.nodeCount)
    var stack: [Int] = []
    for root in 0..<graph.realCount where graph.up[root].isEmpty {
      stack.append(root)
      while let node = stack.popLast() {
        if visited[node] { continue }
        visited[node] = true
        layers[graph.layerOf[node]].append(node)
        for segment in graph.down[node].reversed() where !visited[graph.lower[segment]] {
          stack.append(graph.lower[segment])
        }
      }
    }
    self.layers = layers
    positions = [Int](repeating: 0, count: graph.nodeCount)
    for layer in layers { for (index, node) in layer.enumerated() { positions[node] = index } }
  }

  /// Runs up to `sweeps` sweeps, keeps the order with the fewest crossings and returns that count.
  mutating func minimize(sweeps: Int) -> Int {
    var best = counter.total(graph, layers: layers, positions: positions)
    var bestLayers = layers
    var sweep = 0
    while sweep < sweeps && best > 0 {
      if sweep % 2 == 0 {
        for layer in layers.indices.dropFirst() { reorder(layer, fromAbove: true) }
      } else {
        for layer in layers.indices.dropLast().reversed() { reorder(layer, fromAbove: false) }
      }
      transposeAll()
      let crossings = counter.total(graph, layers: layers, positions: positions)
      if crossings < best {
        best = crossings
        bestLayers = layers
      }
      sweep += 1
    }
    layers = bestLayers
    for layer in layers { for (index, node) in layer.enumerated() { positions[node] = index } }
    return best
  }

  /// Sorts one layer by the weighted median of its neighbours in the layer above (or below).
  /// Nodes without such neighbours keep their places.
  private mutating func reorder(_ layer: Int, fromAbove: Bool) {
    let nodes = layers[layer]
    var keyed: [(median: Double, barycenter: Double, index: Int, node: Int)] = []
    var fixed = [Bool](repeating: false, count: nodes.count)
    for (index, node) in nodes.enumerated() {
      let segments = fromAbove ? graph.up[node] : graph.down[node]
      if segments.isEmpty {
        fixed[index] = true
        continue
      }
      scratch.removeAll(keepingCapacity: true)
      for segment in segments {
        scratch.append(positions[fromAbove ? graph.upper[segment] : graph.lower[segment]])
      }
      scratch.sort()
      let barycenter = Double(scratch.reduce(0, +)) / Double(scratch.count)
      keyed.append((weightedMedian(scratch), barycenter, index, node))
    }
    keyed.sort { ($0.median, $0.barycenter, $0.index) < ($1.median, $1.barycenter, $1.index) }
    var next = 0
    for index in nodes.indices where !fixed[index] {
      layers[layer][index] = keyed[next].node
      positions[keyed[next].node] = index
      next += 1
    }
  }

  /// Transposes adjacent nodes in every layer while that removes crossings, a few rounds at most.
  private mutating func transposeAll() {
    var round = 0
    var improved = true
    while improved && round < 4 {
      improved = false
      for layer in layers.indices where transpose(layer) { improved = true }
      round += 1
    }
  }

  /// Swaps adjacent nodes of one layer whenever the swap removes crossings; true if any swap happened.
  private mutating func transpose(_ layer: Int) -> Bool {
    let nodes = layers[layer]
    guard nodes.count > 1 else { return false }
    var above = NeighbourLists()
    var below = NeighbourLists()
    for node in nodes {
      above.append(graph.up[node].map { positions[graph.upper[$0]] })
      below.append(graph.down[node].map { positions[graph.lower[$0]] })
    }
    var order = Array(nodes.indices)
    var swapped = false
    var again = true
    var pass = 0
    while again && pass < 8 {
      again = false
      for slot in 0..<(nodes.count - 1) {
        let first = order[slot]
        let second = order[slot + 1]
        let kept = above.crossings(first, before: second) + below.crossings(first, before: second)
        let flipped = above.crossings(second, before: first) + below.crossings(second, before: first)
        if flipped < kept {
          order.swapAt(slot, slot + 1)
          again = true
          swapped = true
        }
      }
      pass += 1
    }
    if swapped {
      layers[layer] = order.map { nodes[$0] }
      for (index, node) in layers[layer].enumerated() { positions[node] = index }
    }
    return swapped
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

  mutating func append(_ positions: [Int]) {
    values.append(contentsOf: positions.sorted())
    starts.append(values.count)
  }

  /// Crossings among these neighbours' segments if list `first` is placed before list `second`.
  func crossings(_ first: Int, before second: Int) -> Int {
    var index = starts[first]
    let end = starts[first + 1]
    var count = 0
    for other in values[starts[second]..<starts[second + 1]] {
      while index < end && values[index] <= other { index += 1 }
      count += end - index
    }
    return count
  }
}
