import Testing

@testable import GraphLayout

/// `PairCosts` (segments walked pair by pair) must price every two nodes of a layer exactly as
/// `NeighbourLists` (sorted keys merged) does, long edges, ports and ties included: the
/// transposition uses one or the other depending on the nodes' degrees.
@Test(arguments: 1...40)
func pairCostsAgreeWithNeighbourLists(seed: UInt64) {
  var random = SplitMix64(seed: seed)
  let nodeCount = Int.random(in: 4...30, using: &random)
  let layers = (0..<nodeCount).map { _ in Int.random(in: 0...4, using: &random) }
  var edges: [LayoutEdge] = []
  for _ in 0..<Int.random(in: nodeCount...(4 * nodeCount), using: &random) {
    let (a, b) = (
      Int.random(in: 0..<nodeCount, using: &random), Int.random(in: 0..<nodeCount, using: &random)
    )
    if layers[a] < layers[b] { edges.append(LayoutEdge(from: a, to: b)) }
  }
  let graph = LayeredGraph(layerOf: layers, edges: edges)
  var members = [[Int]](repeating: [], count: graph.layerCount)
  for node in 0..<graph.nodeCount { members[graph.layerOf[node]].append(node) }
  var positions = [Int](repeating: 0, count: graph.nodeCount)
  for layer in members.indices {
    members[layer].shuffle(using: &random)
    for (index, node) in members[layer].enumerated() { positions[node] = index }
  }
  for nodes in members where nodes.count > 1 {
    var above = NeighbourLists()
    var below = NeighbourLists()
    above.reset(portBits: graph.portBits)
    below.reset(portBits: graph.portBits)
    for node in nodes {
      above.appendAbove(graph, node, positions)
      below.appendBelow(graph, node, positions)
    }
    PairCosts.with(graph, positions: positions) { pairs in
      for first in nodes.indices {
        for second in nodes.indices where second != first {
          let (aboveFirst, aboveSecond) = above.costs(first, second)
          let (belowFirst, belowSecond) = below.costs(first, second)
          let listed = (aboveFirst + belowFirst, aboveSecond + belowSecond)
          let paired = pairs.costs(nodes[first], nodes[second])
          #expect(paired == listed, "nodes \(nodes[first]) and \(nodes[second]), seed \(seed)")
        }
      }
    }
  }
}
