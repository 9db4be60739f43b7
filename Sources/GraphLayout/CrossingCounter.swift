/// Counts segment crossings between adjacent layers in O(E log V) with an accumulator tree
/// (Barth, Jünger and Mutzel, "Simple and efficient bilayer cross counting").
struct CrossingCounter {
  private var sequence: [Int] = []
  private var tree: [Int] = []

  /// Crossings between layer `layer` and the next one, given each node's position in its layer:
  /// all of them, and those between two segments that join real nodes.
  mutating func count(
    _ graph: LayeredGraph, layers: [[Int]], positions: [Int], between layer: Int
  ) -> (crossed: Int, short: Int) {
    // Each lower end as `position << 1 | short`: sorting keys sorts positions.
    sequence.removeAll(keepingCapacity: true)
    for node in layers[layer] {
      let start = sequence.count
      for below in graph.belowNodes[graph.belowStarts[node]..<graph.belowStarts[node + 1]] {
        let short = !graph.isDummy(node) && !graph.isDummy(below)
        sequence.append(positions[below] << 1 | (short ? 1 : 0))
      }
      sequence.sortTail(from: start)
    }
    var leaves = 1
    while leaves < layers[layer + 1].count { leaves <<= 1 }
    // Both trees in one array: all segments in the first half, short ones in the second.
    let size = 2 * leaves - 1
    tree.removeAll(keepingCapacity: true)
    tree.append(contentsOf: repeatElement(0, count: 2 * size))
    var (crossed, short) = (0, 0)
    let keys = sequence
    tree.withUnsafeMutableBufferPointer { tree in
      for key in keys {
        let isShort = key & 1 == 1
        var index = key >> 1 + leaves - 1
        tree[index] += 1
        if isShort { tree[size + index] += 1 }
        while index > 0 {
          if index % 2 == 1 {
            crossed += tree[index + 1]
            if isShort { short += tree[size + index + 1] }
          }
          index = (index - 1) / 2
          tree[index] += 1
          if isShort { tree[size + index] += 1 }
        }
      }
    }
    return (crossed, short)
  }

  /// Crossings over all pairs of adjacent layers: all of them, and those between two segments that
  /// join real nodes.
  mutating func total(
    _ graph: LayeredGraph, layers: [[Int]], positions: [Int]
  ) -> (crossed: Int, short: Int) {
    var (crossed, short) = (0, 0)
    for layer in 0..<max(0, layers.count - 1) {
      let counts = count(graph, layers: layers, positions: positions, between: layer)
      crossed += counts.crossed
      short += counts.short
    }
    return (crossed, short)
  }

  /// Port inversions over all nodes: pairs of a node's inputs whose segments come from the layer
  /// above in the opposite order to their ports.
  func portInversions(_ graph: LayeredGraph, positions: [Int]) -> Int {
    var sum = 0
    for node in 0..<graph.realCount {
      let sources = graph.aboveNodes[graph.aboveStarts[node]..<graph.aboveStarts[node + 1]]
      for (index, first) in zip(sources.indices, sources) {
        for second in sources[(index + 1)...] where positions[first] > positions[second] { sum += 1 }
      }
    }
    return sum
  }

  /// The ``crossingCost(crossed:short:drawn:)`` of the whole order.
  mutating func cost(_ graph: LayeredGraph, layers: [[Int]], positions: [Int]) -> Int {
    let inversions = portInversions(graph, positions: positions)
    let (crossed, short) = total(graph, layers: layers, positions: positions)
    return crossingCost(crossed: crossed, short: short, drawn: crossed + inversions)
  }
}
