/// Counts segment crossings between adjacent layers in O(E log V) with an accumulator tree
/// (Barth, Jünger and Mutzel, "Simple and efficient bilayer cross counting").
struct CrossingCounter {
  private var sequence: [Int] = []
  private var tree: [Int] = []

  /// Crossings between layer `layer` and the next one, given each node's position in its layer.
  /// With `shortOnly`, only crossings between two segments that join real nodes count.
  mutating func count(
    _ graph: LayeredGraph, layers: [[Int]], positions: [Int], between layer: Int,
    shortOnly: Bool = false
  ) -> Int {
    sequence.removeAll(keepingCapacity: true)
    for node in layers[layer] where !shortOnly || !graph.isDummy(node) {
      let start = sequence.count
      for below in graph.belowNodes[graph.belowStarts[node]..<graph.belowStarts[node + 1]]
      where !shortOnly || !graph.isDummy(below) {
        sequence.append(positions[below])
      }
      sequence.sortTail(from: start)
    }
    var leaves = 1
    while leaves < layers[layer + 1].count { leaves <<= 1 }
    tree.removeAll(keepingCapacity: true)
    tree.append(contentsOf: repeatElement(0, count: 2 * leaves - 1))
    var crossings = 0
    for position in sequence {
      var index = position + leaves - 1
      tree[index] += 1
      while index > 0 {
        if index % 2 == 1 { crossings += tree[index + 1] }
        index = (index - 1) / 2
        tree[index] += 1
      }
    }
    return crossings
  }

  /// Crossings over all pairs of adjacent layers (with `shortOnly`, only those between two
  /// segments that join real nodes).
  mutating func total(
    _ graph: LayeredGraph, layers: [[Int]], positions: [Int], shortOnly: Bool = false
  ) -> Int {
    var sum = 0
    for layer in 0..<max(0, layers.count - 1) {
      sum += count(graph, layers: layers, positions: positions, between: layer, shortOnly: shortOnly)
    }
    return sum
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
    let short = total(graph, layers: layers, positions: positions, shortOnly: true)
    let crossed = total(graph, layers: layers, positions: positions)
    return crossingCost(crossed: crossed, short: short, drawn: crossed + inversions)
  }
}
