/// Local moves within one layer while the layers next to it stay fixed, priced with
/// ``NeighbourLists`` (or, for a transposition over nodes with few segments, ``PairCosts``):
/// crossings with both neighbouring layers first, port inversions second.
struct LayerLocalSearch {
  private var above = NeighbourLists()
  private var below = NeighbourLists()
  private var order: [Int] = []
  /// `gains[u * n + w]`: the cost of list `w`'s node right before list `u`'s, less the cost of
  /// `u`'s right before `w`'s (what moving `u` from before `w` to after it adds).
  private var gains: [Int] = []

  /// One pass of adjacent swaps that lower the cost (with `keepingTies`, also swaps that keep a
  /// nonzero cost), made on `nodes` in place. Returns whether anything moved.
  mutating func transpose(
    _ nodes: inout [Int], graph: LayeredGraph, positions: [Int], keepingTies: Bool
  ) -> Bool {
    guard nodes.count > 1 else { return false }
    order.removeAll(keepingCapacity: true)
    if graph.fewSegments[graph.layerOf[nodes[0]]] {
      order.append(contentsOf: nodes)
      let swapped = PairCosts.with(graph, positions: positions) { pairs in
        transposePass(keepingTies: keepingTies, pairs.costs)
      }
      if swapped { for slot in nodes.indices { nodes[slot] = order[slot] } }
      return swapped
    }
    prepare(nodes, graph: graph, positions: positions)
    let (above, below) = (above, below)
    let swapped = transposePass(keepingTies: keepingTies) { first, second in
      let (aboveFirst, aboveSecond) = above.costs(first, second)
      let (belowFirst, belowSecond) = below.costs(first, second)
      return (aboveFirst + belowFirst, aboveSecond + belowSecond)
    }
    if swapped {
      let original = nodes
      for slot in nodes.indices { nodes[slot] = original[order[slot]] }
    }
    return swapped
  }

  /// One pass of adjacent swaps over ``order`` priced by `costs`; says whether anything moved.
  private mutating func transposePass(
    keepingTies: Bool, _ costs: (Int, Int) -> (firstBefore: Int, secondBefore: Int)
  ) -> Bool {
    var swapped = false
    for slot in 0..<(order.count - 1) {
      let (kept, flipped) = costs(order[slot], order[slot + 1])
      if flipped < kept || (keepingTies && kept > 0 && flipped == kept) {
        order.swapAt(slot, slot + 1)
        swapped = true
      }
    }
    return swapped
  }

  /// The widest layer ``sift(_:graph:positions:)`` works on: it prices every pair of a layer's
  /// nodes, so its time and memory grow with the square of the width.
  static let siftWidthLimit = 512
  /// The most passes one ``sift(_:graph:positions:)`` makes.
  static let siftPasses = 16

  /// Sifting (Matuszewski, Schönfeld and Molitor): each node in turn moves to the place in the
  /// layer where it costs least, staying put unless another place is strictly cheaper; passes repeat
  /// until no node moves (at most ``siftPasses``). Returns the new order of `nodes`, or nil if
  /// nothing moved or the layer is wider than ``siftWidthLimit``.
  mutating func sift(_ nodes: [Int], graph: LayeredGraph, positions: [Int]) -> [Int]? {
    let count = nodes.count
    guard count > 1 && count <= Self.siftWidthLimit else { return nil }
    prepare(nodes, graph: graph, positions: positions)
    gains.removeAll(keepingCapacity: true)
    gains.append(contentsOf: repeatElement(0, count: count * count))
    above.addGains(to: &gains)
    below.addGains(to: &gains)
    var moved = false
    var movedThisPass = true
    var passes = 0
    while movedThisPass && passes < Self.siftPasses {
      movedThisPass = false
      passes += 1
      for node in 0..<count {
        let current = order.firstIndex(of: node)!
        order.remove(at: current)
        let target = gains.withUnsafeBufferPointer { gains in
          order.withUnsafeBufferPointer { order in
            cheapestSlot(for: gains[(node * count)..<(node * count + count)], in: order, current: current)
          }
        }
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
}

/// Where a node goes in `order` (the other nodes of its layer), given `gains` (its row of
/// ``LayerLocalSearch``'s gains): the slot with the least cost, or `current` unless another slot is
/// strictly cheaper.
private func cheapestSlot(
  for gains: Slice<UnsafeBufferPointer<Int>>, in order: UnsafeBufferPointer<Int>, current: Int
) -> Int {
  let base = gains.startIndex
  var (running, bestCost, best, currentCost) = (0, 0, 0, 0)
  for slot in 0..<order.count {
    running += gains[base + order[slot]]
    if slot + 1 == current { currentCost = running }
    if running < bestCost {
      bestCost = running
      best = slot + 1
    }
  }
  return bestCost < currentCost ? best : current
}
