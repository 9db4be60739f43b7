/// Prices two nodes of one layer placed side by side by walking their segments pair by pair, as
/// `dot`'s `in_cross` and `out_cross` do: what ``NeighbourLists/costs(_:_:)`` computes, without
/// building the sorted lists. It reads only the graph and the positions, so a transposition pass
/// over a layer of nodes with few segments costs nothing to set up; the lists pay off only when
/// two neighbours have many segments each (see ``LayeredGraph/pairwiseDegreeLimit``).
struct PairCosts {
  private let realCount: Int
  private let aboveStarts, aboveNodes: UnsafeBufferPointer<Int>
  private let belowStarts, belowNodes, belowPorts: UnsafeBufferPointer<Int>
  private let positions: UnsafeBufferPointer<Int>

  /// Runs `body` with the pair costs of `graph` under `positions`.
  static func with<Result>(
    _ graph: LayeredGraph, positions: [Int], _ body: (PairCosts) -> Result
  ) -> Result {
    graph.aboveStarts.withUnsafeBufferPointer { aboveStarts in
      graph.aboveNodes.withUnsafeBufferPointer { aboveNodes in
        graph.belowStarts.withUnsafeBufferPointer { belowStarts in
          graph.belowNodes.withUnsafeBufferPointer { belowNodes in
            graph.belowPorts.withUnsafeBufferPointer { belowPorts in
              positions.withUnsafeBufferPointer { positions in
                body(
                  PairCosts(
                    realCount: graph.realCount, aboveStarts: aboveStarts, aboveNodes: aboveNodes,
                    belowStarts: belowStarts, belowNodes: belowNodes, belowPorts: belowPorts,
                    positions: positions))
              }
            }
          }
        }
      }
    }
  }

  /// The cost of the segments of `first` and `second` crossing (with the layers above and below),
  /// with `first` placed before `second` and the other way round: each pair of segments, one of
  /// each node, costs as ``crossingCost(crossed:short:drawn:)`` prices it when their ends are in the
  /// opposite order to the nodes, or meet at one node in the opposite order to its ports.
  func costs(_ first: Int, _ second: Int) -> (firstBefore: Int, secondBefore: Int) {
    var (firstBefore, secondBefore) = (0, 0)
    let realPair = first < realCount && second < realCount
    for a in aboveStarts[first]..<aboveStarts[first + 1] {
      let upperA = aboveNodes[a]
      let (positionA, shortA) = (positions[upperA], realPair && upperA < realCount)
      for b in aboveStarts[second]..<aboveStarts[second + 1] {
        let upperB = aboveNodes[b]
        let positionB = positions[upperB]
        guard positionA != positionB else { continue }
        let cost = shortA && upperB < realCount ? Self.shortCrossing : Self.longCrossing
        if positionA > positionB { firstBefore += cost } else { secondBefore += cost }
      }
    }
    for a in belowStarts[first]..<belowStarts[first + 1] {
      let lowerA = belowNodes[a]
      let (positionA, shortA) = (positions[lowerA], realPair && lowerA < realCount)
      for b in belowStarts[second]..<belowStarts[second + 1] {
        let lowerB = belowNodes[b]
        let positionB = positions[lowerB]
        if positionA == positionB {
          let (portA, portB) = (belowPorts[a], belowPorts[b])
          if portA > portB {
            firstBefore += Self.inversion
          } else if portA < portB {
            secondBefore += Self.inversion
          }
          continue
        }
        let cost = shortA && lowerB < realCount ? Self.shortCrossing : Self.longCrossing
        if positionA > positionB { firstBefore += cost } else { secondBefore += cost }
      }
    }
    return (firstBefore, secondBefore)
  }

  /// The cost of two segments between real nodes crossing.
  private static let shortCrossing = crossingCost(crossed: 1, short: 1, drawn: 1)
  /// The cost of two segments crossing, one of them part of a long edge.
  private static let longCrossing = crossingCost(crossed: 1, short: 0, drawn: 1)
  /// The cost of two segments meeting at one node in the opposite order to its ports.
  private static let inversion = crossingCost(crossed: 0, short: 0, drawn: 1)
}
