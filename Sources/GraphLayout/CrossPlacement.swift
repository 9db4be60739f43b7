/// Positions along the cross axis (rows in left-to-right, columns in top-to-bottom) for the nodes
/// of an ordered layered graph.
///
/// Alternating down and up sweeps: each node wants the median of the positions that would make its
/// segments to the previous (next) layer straight; each layer then takes the closest positions, in
/// the weighted least-squares sense, that keep its order and gaps (isotonic regression, solved by
/// pool-adjacent-violators). Segments between dummies weigh most, so long edges run straight.
struct CrossPlacement {
  /// The ordered layered graph.
  let graph: LayeredGraph
  /// The nodes of each layer, in order.
  let layers: [[Int]]
  /// Each node's size along the cross axis (1 for dummies).
  let extents: [Int]
  /// Each node's outgoing port, as an offset from its top.
  let outOffsets: [Int]
  /// Each segment's incoming port on its lower node, as an offset from that node's top.
  let inOffsets: [Int]
  /// Empty cells between two boxes; next to a dummy it is always one cell.
  let nodeGap: Int

  /// The top (cross-axis start) of every node, the smallest being 0.
  func tops(sweeps: Int = 8) -> [Int] {
    var tops = [Int](repeating: 0, count: graph.nodeCount)
    for layer in layers {
      for (node, offset) in zip(layer, packedOffsets(layer)) { tops[node] = offset }
    }
    for sweep in 0..<sweeps {
      let fromAbove = sweep % 2 == 0
      let order = fromAbove ? Array(layers.indices.dropFirst()) : layers.indices.dropLast().reversed()
      for layer in order { place(layer, fromAbove: fromAbove, tops: &tops) }
    }
    let first = tops.min() ?? 0
    return tops.map { $0 - first }
  }

  private func place(_ layer: Int, fromAbove: Bool, tops: inout [Int]) {
    let nodes = layers[layer]
    var desired: [Double] = []
    var weights: [Double] = []
    var wanted: [Int] = []
    for node in nodes {
      wanted.removeAll(keepingCapacity: true)
      var weight = 0.0
      for segment in fromAbove ? graph.up[node] : graph.down[node] {
        let source = graph.upper[segment]
        let target = graph.lower[segment]
        let sourcePort = tops[source] + outOffsets[source]
        let targetPort = tops[target] + inOffsets[segment]
        wanted.append(fromAbove ? sourcePort - inOffsets[segment] : targetPort - outOffsets[source])
        weight += segmentWeight(segment)
      }
      if wanted.isEmpty {
        desired.append(Double(tops[node]))
        weights.append(0.01)
      } else {
        wanted.sort()
        let middle = wanted.count / 2
        let median =
          wanted.count % 2 == 1
          ? Double(wanted[middle]) : Double(wanted[middle - 1] + wanted[middle]) / 2
        desired.append(median)
        weights.append(weight)
      }
    }
    let placed = isotonicFit(desired: desired, weights: weights, offsets: packedOffsets(nodes))
    for (node, top) in zip(nodes, placed) { tops[node] = top }
  }

  private func segmentWeight(_ segment: Int) -> Double {
    switch (graph.isDummy(graph.upper[segment]), graph.isDummy(graph.lower[segment])) {
    case (true, true): return 8
    case (false, false): return 1
    default: return 2
    }
  }

  /// The tops of a layer's nodes packed as tightly as the gaps allow, the first at 0.
  private func packedOffsets(_ nodes: [Int]) -> [Int] {
    var offsets: [Int] = []
    offsets.reserveCapacity(nodes.count)
    var next = 0
    for (index, node) in nodes.enumerated() {
      if index > 0 {
        let previous = nodes[index - 1]
        next += graph.isDummy(previous) || graph.isDummy(node) ? 1 : nodeGap
      }
      offsets.append(next)
      next += extents[node]
    }
    return offsets
  }
}

/// Integer positions `offsets[i] + y[i]` with `y` nondecreasing, minimising
/// `Σ weights[i] * (offsets[i] + y[i] - desired[i])²` (pool adjacent violators, then rounding).
func isotonicFit(desired: [Double], weights: [Double], offsets: [Int]) -> [Int] {
  var blockWeight: [Double] = []
  var blockSum: [Double] = []
  var blockEnd: [Int] = []
  for index in desired.indices {
    var weight = weights[index]
    var sum = weight * (desired[index] - Double(offsets[index]))
    while let lastWeight = blockWeight.last, blockSum.last! / lastWeight >= sum / weight {
      weight += lastWeight
      sum += blockSum.removeLast()
      blockWeight.removeLast()
      blockEnd.removeLast()
    }
    blockWeight.append(weight)
    blockSum.append(sum)
    blockEnd.append(index + 1)
  }
  var result: [Int] = []
  result.reserveCapacity(desired.count)
  for block in blockEnd.indices {
    let shift = roundedHalfUp(blockSum[block] / blockWeight[block])
    while result.count < blockEnd[block] { result.append(offsets[result.count] + shift) }
  }
  return result
}

/// `value` rounded to the nearest integer, halves upwards (without needing the C maths library).
private func roundedHalfUp(_ value: Double) -> Int {
  let truncated = Int(value)
  let fraction = value - Double(truncated)
  if fraction >= 0.5 { return truncated + 1 }
  if fraction < -0.5 { return truncated - 1 }
  return truncated
}
