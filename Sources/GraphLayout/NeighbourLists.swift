/// How much one crossing weighs against port inversions (two inputs of a node whose edges arrive in
/// the opposite order to its ports): more than any number of them, so inversions only break ties.
let crossingWeight = 1 << 32

/// The sorted neighbour keys (`position << portBits | port`) of the nodes of one layer, stored back
/// to back, to price placing one node before another.
struct NeighbourLists {
  private var starts = [0]
  private var keys: [Int] = []
  private var bits = 0

  /// Empties the lists; keys will keep their last `portBits` bits for the port.
  mutating func reset(portBits: Int) {
    bits = portBits
    starts.removeAll(keepingCapacity: true)
    starts.append(0)
    keys.removeAll(keepingCapacity: true)
  }

  /// Appends one node's list: its neighbours in the layer above (one key per segment, no ports).
  mutating func appendAbove(_ graph: LayeredGraph, _ node: Int, _ positions: [Int]) {
    let start = keys.count
    for neighbour in graph.aboveNodes[graph.aboveStarts[node]..<graph.aboveStarts[node + 1]] {
      keys.append(positions[neighbour] << bits)
    }
    finish(start)
  }

  /// Appends one node's list: the ports its segments enter in the layer below.
  mutating func appendBelow(_ graph: LayeredGraph, _ node: Int, _ positions: [Int]) {
    let start = keys.count
    for entry in graph.belowStarts[node]..<graph.belowStarts[node + 1] {
      keys.append(positions[graph.belowNodes[entry]] << bits | graph.belowPorts[entry])
    }
    finish(start)
  }

  private mutating func finish(_ start: Int) {
    if keys.count - start > 1 { keys[start...].sort() }
    starts.append(keys.count)
  }

  /// The crossings (weighted by ``crossingWeight``) plus port inversions among the segments of
  /// lists `first` and `second`, with `first`'s node placed before `second`'s and the other way round.
  func costs(_ first: Int, _ second: Int) -> (firstBefore: Int, secondBefore: Int) {
    let start = starts[first]
    let end = starts[first + 1]
    let (secondStart, secondEnd) = (starts[second], starts[second + 1])
    guard start < end && secondStart < secondEnd else { return (0, 0) }
    let pairs = (end - start) * (secondEnd - secondStart) * crossingWeight
    if keys[end - 1] >> bits < keys[secondStart] >> bits { return (0, pairs) }
    if keys[secondEnd - 1] >> bits < keys[start] >> bits { return (pairs, 0) }
    var (belowPosition, belowKey, throughKey, throughPosition) = (start, start, start, start)
    var (crossedAfter, crossedBefore, invertedAfter, invertedBefore) = (0, 0, 0, 0)
    for key in keys[secondStart..<secondEnd] {
      let position = (key >> bits) << bits
      let nextPosition = position + (1 << bits)
      while belowPosition < end && keys[belowPosition] < position { belowPosition += 1 }
      while belowKey < end && keys[belowKey] < key { belowKey += 1 }
      while throughKey < end && keys[throughKey] <= key { throughKey += 1 }
      while throughPosition < end && keys[throughPosition] < nextPosition { throughPosition += 1 }
      crossedAfter += end - throughPosition
      invertedAfter += end - throughKey
      crossedBefore += belowPosition - start
      invertedBefore += belowKey - start
    }
    return (
      crossedAfter * crossingWeight + invertedAfter - crossedAfter,
      crossedBefore * crossingWeight + invertedBefore - crossedBefore
    )
  }
}
