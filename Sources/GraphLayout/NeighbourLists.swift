/// The cost of `crossed` crossings between adjacent layers, `short` of them between two segments
/// that join real nodes, and `drawn` crossings in all: those plus the port inversions (two inputs of
/// a node whose segments arrive in the opposite order to its ports, so they cross at its side).
///
/// Each drawn crossing costs about the same, with ties going first to crossings with long edges,
/// which read best (a straight line passing by), then to port inversions: a crossing of two short
/// edges costs 20, an inversion 19, a crossing with a long edge 18.
func crossingCost(crossed: Int, short: Int, drawn: Int) -> Int {
  20 * short + 18 * (crossed - short) + 19 * (drawn - crossed)
}

/// The neighbour positions one list spans, and its sizes. An empty list spans nothing: its `low` is
/// above and its `high` below every position.
private struct Span {
  var low: Int
  var high: Int
  /// The list's segments.
  var count: Int
  /// The list's segments between two real nodes.
  var short: Int

  /// The cost of every segment of this list crossing every one of `other`'s.
  func allCrossing(_ other: Span) -> Int {
    let pairs = count * other.count
    return crossingCost(crossed: pairs, short: short * other.short, drawn: pairs)
  }
}

/// The sorted neighbour keys (`position << portBits | port`) of the nodes of one layer, stored back
/// to back, to price placing one node before another.
struct NeighbourLists {
  private var starts = [0]
  private var keys: [Int] = []
  /// `shortBefore[i]`: how many of `keys[0..<i]` belong to segments between two real nodes.
  private var shortBefore = [0]
  /// Each list's first and last neighbour positions and its sizes, for pricing two lists that do
  /// not overlap without reading their keys.
  private var spans: [Span] = []
  private var bits = 0

  /// Empties the lists; keys will keep their last `portBits` bits for the port.
  mutating func reset(portBits: Int) {
    bits = portBits
    starts.removeAll(keepingCapacity: true)
    starts.append(0)
    keys.removeAll(keepingCapacity: true)
    shortBefore.removeAll(keepingCapacity: true)
    shortBefore.append(0)
    spans.removeAll(keepingCapacity: true)
  }

  /// Appends one node's list: its neighbours in the layer above (one key per segment, no ports).
  mutating func appendAbove(_ graph: LayeredGraph, _ node: Int, _ positions: [Int]) {
    for neighbour in graph.aboveNodes[graph.aboveStarts[node]..<graph.aboveStarts[node + 1]] {
      appendKey(positions[neighbour] << bits, short: !graph.isDummy(neighbour) && !graph.isDummy(node))
    }
    finish()
  }

  /// Appends one node's list: the ports its segments enter in the layer below.
  mutating func appendBelow(_ graph: LayeredGraph, _ node: Int, _ positions: [Int]) {
    for entry in graph.belowStarts[node]..<graph.belowStarts[node + 1] {
      let neighbour = graph.belowNodes[entry]
      appendKey(
        positions[neighbour] << bits | graph.belowPorts[entry],
        short: !graph.isDummy(neighbour) && !graph.isDummy(node))
    }
    finish()
  }

  /// Appends a key to the open list, tagged in its lowest bit with whether the segment is short;
  /// ``finish()`` sorts the list and takes the tags off.
  private mutating func appendKey(_ key: Int, short: Bool) {
    keys.append(key << 1 | (short ? 1 : 0))
  }

  /// Closes the open list: sorts its keys (the order among equal keys does not matter, as a key
  /// fixes the position), counts its short segments and notes its span.
  private mutating func finish() {
    let start = starts[starts.count - 1]
    keys.sortTail(from: start)
    var short = 0
    for index in start..<keys.count {
      let tag = keys[index] & 1
      keys[index] >>= 1
      short += tag
      shortBefore.append(shortBefore[index] + tag)
    }
    spans.append(
      start == keys.count
        ? Span(low: .max, high: .min, count: 0, short: 0)
        : Span(
          low: keys[start] >> bits, high: keys[keys.count - 1] >> bits, count: keys.count - start,
          short: short))
    starts.append(keys.count)
  }

  /// The cost of the segments of lists `first` and `second` crossing, with `first`'s node placed
  /// before `second`'s and the other way round.
  func costs(_ first: Int, _ second: Int) -> (firstBefore: Int, secondBefore: Int) {
    let (firstSpan, secondSpan) = (spans[first], spans[second])
    if firstSpan.high < secondSpan.low { return (0, firstSpan.allCrossing(secondSpan)) }
    if secondSpan.high < firstSpan.low { return (firstSpan.allCrossing(secondSpan), 0) }
    return withView { $0.overlappingCosts(first, second) }
  }

  /// Adds to `gains[u * n + w]`, for every two of the `n` lists, the cost of list `w`'s node right
  /// before list `u`'s less the cost of `u`'s right before `w`'s.
  func addGains(to gains: inout [Int]) {
    let count = spans.count
    precondition(gains.count == count * count)
    withView { lists in
      spans.withUnsafeBufferPointer { spans in
        gains.withUnsafeMutableBufferPointer { gains in
          for first in 0..<count {
            let firstSpan = spans[first]
            for second in (first + 1)..<count {
              let secondSpan = spans[second]
              let gain: Int
              if firstSpan.high < secondSpan.low {
                gain = firstSpan.allCrossing(secondSpan)
              } else if secondSpan.high < firstSpan.low {
                gain = -firstSpan.allCrossing(secondSpan)
              } else {
                let (before, after) = lists.overlappingCosts(first, second)
                gain = after - before
              }
              gains[first * count + second] += gain
              gains[second * count + first] -= gain
            }
          }
        }
      }
    }
  }

  /// Runs `body` on an unsafe view of the lists.
  private func withView<Result>(_ body: (ListsView) -> Result) -> Result {
    starts.withUnsafeBufferPointer { starts in
      keys.withUnsafeBufferPointer { keys in
        shortBefore.withUnsafeBufferPointer { shortBefore in
          body(ListsView(starts: starts, keys: keys, shortBefore: shortBefore, bits: bits))
        }
      }
    }
  }
}

/// The arrays of a ``NeighbourLists`` as unsafe buffers, for its inner loops.
private struct ListsView {
  let starts: UnsafeBufferPointer<Int>
  let keys: UnsafeBufferPointer<Int>
  let shortBefore: UnsafeBufferPointer<Int>
  let bits: Int

  /// ``NeighbourLists/costs(_:_:)`` for two lists whose positions overlap.
  func overlappingCosts(_ first: Int, _ second: Int) -> (firstBefore: Int, secondBefore: Int) {
    let (start, end) = (starts[first], starts[first + 1])
    let (secondStart, secondEnd) = (starts[second], starts[second + 1])
    var (belowPosition, belowKey, throughKey, throughPosition) = (start, start, start, start)
    var (crossedAfter, crossedBefore, invertedAfter, invertedBefore) = (0, 0, 0, 0)
    var (shortAfter, shortBeforeFirst) = (0, 0)
    for index in secondStart..<secondEnd {
      let key = keys[index]
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
      if shortBefore[index + 1] > shortBefore[index] {
        shortAfter += shortBefore[end] - shortBefore[throughPosition]
        shortBeforeFirst += shortBefore[belowPosition] - shortBefore[start]
      }
    }
    return (
      crossingCost(crossed: crossedAfter, short: shortAfter, drawn: invertedAfter),
      crossingCost(crossed: crossedBefore, short: shortBeforeFirst, drawn: invertedBefore)
    )
  }
}
