/// Assigns every node a layer so that each edge goes from a lower to a higher layer.
///
/// Longest path from the sources first, which fixes the number of layers; then sweeps (backwards
/// and forwards in topological order, until nothing moves, at most ``balancingSweeps``) move single
/// nodes within the room their neighbours leave: towards their inputs if they have more inputs than
/// consumers, otherwise towards their consumers. Each move shortens the edges or keeps their length
/// and brings computation next to its use: an input sits right before its first consumer, and a side
/// branch that feeds only a late function is drawn right before it. Last, every *hanging tree* (a
/// node with one consumer whose inputs are all hanging trees, sources with one consumer included)
/// moves as late as its consumer allows, so `c = a * b` with `a`, `b` used nowhere else sits right
/// before the use of `c` however early its inputs could be. The cost is linear in nodes and edges.
/// The first layer is 0.
///
/// - Throws: ``LayoutError/nodeOutOfRange(edge:node:)`` if an edge names a missing node,
///   ``LayoutError/cycle(nodes:)`` if there is a cycle.
public func assignLayers(nodeCount: Int, edges: [LayoutEdge]) throws(LayoutError) -> [Int] {
  let nodes = 0..<nodeCount
  if let index = edges.firstIndex(where: { !nodes.contains($0.from) || !nodes.contains($0.to) }) {
    let edge = edges[index]
    throw .nodeOutOfRange(edge: index, node: nodes.contains(edge.from) ? edge.to : edge.from)
  }
  var successors = [[Int]](repeating: [], count: nodeCount)
  var predecessors = [[Int]](repeating: [], count: nodeCount)
  for edge in edges {
    successors[edge.from].append(edge.to)
    predecessors[edge.to].append(edge.from)
  }
  let order = try topologicalOrder(successors: successors, predecessors: predecessors)
  var layer = [Int](repeating: 0, count: nodeCount)
  for node in order {
    for next in successors[node] { layer[next] = max(layer[next], layer[node] + 1) }
  }
  var moved = true
  var backwards = true
  var sweeps = 0
  while moved && sweeps < balancingSweeps {
    moved = false
    sweeps += 1
    for node in backwards ? order.reversed() : order {
      let target = balancedLayer(
        of: node, layer: layer, successors: successors[node], predecessors: predecessors[node])
      if target != layer[node] {
        layer[node] = target
        moved = true
      }
    }
    backwards.toggle()
  }
  pullHangingTrees(order: order, successors: successors, predecessors: predecessors, layer: &layer)
  let first = layer.min() ?? 0
  return layer.map { $0 - first }
}

/// The most balancing sweeps ``assignLayers(nodeCount:edges:)`` makes, so that its cost stays
/// linear whatever the graph; small graphs settle in a few.
let balancingSweeps = 16

/// Moves every hanging tree (a node whose edges all go to one consumer and whose inputs are all
/// hanging trees) right before its consumer, in reverse topological order, so a tree's nodes follow
/// its root. Only moves nodes later and only shortens edges.
private func pullHangingTrees(
  order: [Int], successors: [[Int]], predecessors: [[Int]], layer: inout [Int]
) {
  var hanging = [Bool](repeating: false, count: layer.count)
  for node in order {
    let consumer = successors[node].first
    hanging[node] =
      consumer != nil && successors[node].allSatisfy { $0 == consumer }
      && predecessors[node].allSatisfy { hanging[$0] }
  }
  for node in order.reversed() where hanging[node] {
    layer[node] = layer[successors[node][0]] - 1
  }
}

/// The layer `node` should move to between its neighbours: as early as its inputs allow if it has
/// more inputs than consumers, else as late as its consumers allow (a sink stays after its inputs).
private func balancedLayer(
  of node: Int, layer: [Int], successors: [Int], predecessors: [Int]
) -> Int {
  let earliest = predecessors.lazy.map { layer[$0] + 1 }.max()
  let latest = successors.lazy.map { layer[$0] - 1 }.min()
  let towardsInputs = predecessors.count > successors.count || latest == nil
  return (towardsInputs ? earliest : latest) ?? earliest ?? layer[node]
}

/// Kahn's algorithm, first-in first-out by node index; throws a cycle if there is one.
private func topologicalOrder(
  successors: [[Int]], predecessors: [[Int]]
) throws(LayoutError) -> [Int] {
  var remaining = predecessors.map(\.count)
  var order = remaining.indices.filter { remaining[$0] == 0 }
  order.reserveCapacity(successors.count)
  var head = 0
  while head < order.count {
    let node = order[head]
    head += 1
    for next in successors[node] {
      remaining[next] -= 1
      if remaining[next] == 0 { order.append(next) }
    }
  }
  guard order.count < successors.count else { return order }
  // Every node left over has a left-over predecessor: walk back until a node repeats.
  var node = remaining.firstIndex { $0 > 0 }!
  var seenAt = [Int](repeating: -1, count: successors.count)
  var path: [Int] = []
  while seenAt[node] < 0 {
    seenAt[node] = path.count
    path.append(node)
    node = predecessors[node].first { remaining[$0] > 0 }!
  }
  throw .cycle(nodes: path[seenAt[node]...].reversed())
}
