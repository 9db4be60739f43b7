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
    var scratch = PlacementScratch()
    for layer in layers {
      packedOffsets(layer, into: &scratch.offsets)
      for (node, offset) in zip(layer, scratch.offsets) { tops[node] = offset }
    }
    for sweep in 0..<sweeps {
      let fromAbove = sweep % 2 == 0
      let order = fromAbove ? Array(layers.indices.dropFirst()) : layers.indices.dropLast().reversed()
      for layer in order { place(layer, fromAbove: fromAbove, tops: &tops, scratch: &scratch) }
    }
    let first = tops.min() ?? 0
    return tops.map { $0 - first }
  }

  private func place(_ layer: Int, fromAbove: Bool, tops: inout [Int], scratch: inout PlacementScratch) {
    let nodes = layers[layer]
    scratch.desired.removeAll(keepingCapacity: true)
    scratch.weights.removeAll(keepingCapacity: true)
    for node in nodes {
      scratch.wanted.removeAll(keepingCapacity: true)
      var weight = 0.0
      for segment in fromAbove ? graph.up[node] : graph.down[node] {
        let source = graph.upper[segment]
        let target = graph.lower[segment]
        let sourcePort = tops[source] + outOffsets[source]
        let targetPort = tops[target] + inOffsets[segment]
        scratch.wanted.append(fromAbove ? sourcePort - inOffsets[segment] : targetPort - outOffsets[source])
        weight += segmentWeight(segment)
      }
      let wanted = scratch.wanted.count
      if wanted == 0 {
        scratch.desired.append(Double(tops[node]))
        scratch.weights.append(0.01)
      } else {
        if wanted > 1 { scratch.wanted.sort() }
        let middle = wanted / 2
        let median =
          wanted % 2 == 1
          ? Double(scratch.wanted[middle])
          : Double(scratch.wanted[middle - 1] + scratch.wanted[middle]) / 2
        scratch.desired.append(median)
        scratch.weights.append(weight)
      }
    }
    packedOffsets(nodes, into: &scratch.offsets)
    scratch.fitIsotonic()
    for (node, top) in zip(nodes, scratch.placed) { tops[node] = top }
  }

  private func segmentWeight(_ segment: Int) -> Double {
    switch (graph.isDummy(graph.upper[segment]), graph.isDummy(graph.lower[segment])) {
    case (true, true): return 8
    case (false, false): return 1
    default: return 2
    }
  }

  /// The tops of a layer's nodes packed as tightly as the gaps allow, the first at 0, into `offsets`.
  private func packedOffsets(_ nodes: [Int], into offsets: inout [Int]) {
    offsets.removeAll(keepingCapacity: true)
    var next = 0
    for (index, node) in nodes.enumerated() {
      if index > 0 {
        let previous = nodes[index - 1]
        next += graph.isDummy(previous) || graph.isDummy(node) ? 1 : nodeGap
      }
      offsets.append(next)
      next += extents[node]
    }
  }
}

/// The buffers one layer's placement works in, reused for every layer so that a sweep allocates
/// nothing.
private struct PlacementScratch {
  /// Each node's wanted top, its weight, and its top when the layer is packed tightly.
  var desired: [Double] = []
  var weights: [Double] = []
  var offsets: [Int] = []
  /// One node's wanted tops, one per segment.
  var wanted: [Int] = []
  /// The result of ``fitIsotonic()``.
  var placed: [Int] = []
  private var blockWeight: [Double] = []
  private var blockSum: [Double] = []
  private var blockEnd: [Int] = []

  /// Integer positions `offsets[i] + y[i]` with `y` nondecreasing, minimising
  /// `Σ weights[i] * (offsets[i] + y[i] - desired[i])²` (pool adjacent violators, then rounding),
  /// into ``placed``.
  mutating func fitIsotonic() {
    blockWeight.removeAll(keepingCapacity: true)
    blockSum.removeAll(keepingCapacity: true)
    blockEnd.removeAll(keepingCapacity: true)
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
    placed.removeAll(keepingCapacity: true)
    for block in blockEnd.indices {
      let shift = roundedHalfUp(blockSum[block] / blockWeight[block])
      while placed.count < blockEnd[block] { placed.append(offsets[placed.count] + shift) }
    }
  }
}

/// `value` rounded to the nearest integer, halves upwards (without needing the C maths library).
private func roundedHalfUp(_ value: Double) -> Int {
  let truncated = Int(value)
  let fraction = value - Double(truncated)
  if fraction >= 0.5 { return truncated + 1 }
  if fraction < -0.5 { return truncated - 1 }
  return truncated
}
