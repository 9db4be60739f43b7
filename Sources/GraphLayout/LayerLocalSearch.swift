/// Local moves within one layer while the layers next to it stay fixed, priced with
/// ``NeighbourLists``: crossings with both neighbouring layers first, port inversions second.
struct LayerLocalSearch {
  private var above = NeighbourLists()
  private var below = NeighbourLists()
  private var order: [Int] = []
  /// `pairCosts[u * n + w]`: the cost of list `u`'s node right before list `w`'s.
  private var pairCosts: [Int] = []

  /// One pass of adjacent swaps that lower the cost (with `keepingTies`, also swaps that keep a
  /// nonzero cost). Returns the new order of `nodes`, or nil if nothing moved.
  mutating func transpose(
    _ nodes: [Int], graph: LayeredGraph, positions: [Int], keepingTies: Bool
  ) -> [Int]? {
    guard nodes.count > 1 else { return nil }
    prepare(nodes, graph: graph, positions: positions)
    var swapped = false
    for slot in 0..<(nodes.count - 1) {
      let first = order[slot]
      let second = order[slot + 1]
      let (kept, flipped) = costs(first, second)
      if flipped < kept || (keepingTies && kept > 0 && flipped == kept) {
        order.swapAt(slot, slot + 1)
        swapped = true
      }
    }
    return swapped ? order.map { nodes[$0] } : nil
  }

  /// Sifting (Matuszewski, Schönfeld and Molitor): each node in turn moves to the place in the
  /// layer where it costs least, staying put unless another place is strictly cheaper; passes repeat
  /// until no node moves. Returns the new order of `nodes`, or nil if nothing moved.
  mutating func sift(_ nodes: [Int], graph: LayeredGraph, positions: [Int]) -> [Int]? {
    let count = nodes.count
    guard count > 1 else { return nil }
    prepare(nodes, graph: graph, positions: positions)
    pairCosts.removeAll(keepingCapacity: true)
    pairCosts.append(contentsOf: repeatElement(0, count: count * count))
    for first in 0..<count {
      for second in (first + 1)..<count {
        let (before, after) = costs(first, second)
        pairCosts[first * count + second] = before
        pairCosts[second * count + first] = after
      }
    }
    var moved = false
    var movedThisPass = true
    while movedThisPass {
      movedThisPass = false
      for node in 0..<count {
        let current = order.firstIndex(of: node)!
        order.remove(at: current)
        var running = 0
        var bestCost = 0
        var best = 0
        var currentCost = 0
        for (slot, other) in order.enumerated() {
          running += pairCosts[other * count + node] - pairCosts[node * count + other]
          if slot + 1 == current { currentCost = running }
          if running < bestCost {
            bestCost = running
            best = slot + 1
          }
        }
        let target = bestCost < currentCost ? best : current
        order.insert(node, at: target)
        movedThisPass = movedThisPass || target != current
      }
      moved = moved || movedThisPass
    }
    return moved ? order.map { nodes[$0] } : nil
  }

  private mutating func prepare(_ nodes: [Int], graph: LayeredGraph, positions: [Int]) {
    above.reset(portBits: graph.portBits)
    below.reset(portBits: graph.portBits)
    for node in nodes {
      above.appendAbove(graph, node, positions)
      below.appendBelow(graph, node, positions)
    }
    order.removeAll(keepingCapacity: true)
    order.append(contentsOf: nodes.indices)
  }

  private func costs(_ first: Int, _ second: Int) -> (firstBefore: Int, secondBefore: Int) {
    let (aboveFirst, aboveSecond) = above.costs(first, second)
    let (belowFirst, belowSecond) = below.costs(first, second)
    return (aboveFirst + belowFirst, aboveSecond + belowSecond)
  }
}
