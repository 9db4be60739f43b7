/// Assigns every node a layer so that each edge goes from a lower to a higher layer.
///
/// Longest path from the sources first; then, in reverse topological order, every node with more
/// outgoing than incoming edges moves down next to its nearest consumer, so an input variable sits
/// right before the function that uses it. The first layer is 0.
func assignLayers(nodeCount: Int, edges: [LayoutEdge]) throws(LayoutError) -> [Int] {
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
  for node in order.reversed() where successors[node].count > predecessors[node].count {
    layer[node] = successors[node].lazy.map { layer[$0] }.min()! - 1
  }
  let first = layer.min() ?? 0
  return layer.map { $0 - first }
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
