/// The graph with every long edge split into one segment per pair of adjacent layers.
///
/// Nodes `0..<realCount` are the input nodes; the rest are dummies, one per layer a long edge passes.
struct LayeredGraph {
  /// The number of input nodes.
  let realCount: Int
  /// Each node's layer, dummies included.
  private(set) var layerOf: [Int]
  /// The number of layers.
  let layerCount: Int
  /// Segment `s` goes from `upper[s]` in some layer to `lower[s]` in the next one.
  private(set) var upper: [Int] = []
  /// The lower end of each segment.
  private(set) var lower: [Int] = []
  /// Each node's segments to the next layer, in input edge order.
  private(set) var down: [[Int]]
  /// Each node's segments from the previous layer, in input edge order.
  private(set) var up: [[Int]]
  /// Each input edge's segments, from source to target.
  private(set) var segmentsOfEdge: [[Int]] = []
  /// The lower ends of node `v`'s segments are `belowNodes[belowStarts[v]..<belowStarts[v + 1]]`.
  private(set) var belowStarts: [Int] = [0]
  /// The lower ends of every node's segments, stored back to back.
  private(set) var belowNodes: [Int] = []
  /// For each entry of `belowNodes`, the segment's input port on its lower end (0 is the first input).
  private(set) var belowPorts: [Int] = []
  /// Bits for a port: a key `position << portBits | port` orders segment ends by position, then by
  /// the port they enter.
  private(set) var portBits = 0
  /// The upper ends of node `v`'s segments are `aboveNodes[aboveStarts[v]..<aboveStarts[v + 1]]`.
  private(set) var aboveStarts: [Int] = [0]
  /// The upper ends of every node's segments, stored back to back.
  private(set) var aboveNodes: [Int] = []
  /// Per layer, whether no node of it has more than ``pairwiseDegreeLimit`` segments on either
  /// side, so that two of its nodes are priced faster pair by pair (``PairCosts``) than by sorted
  /// lists (``NeighbourLists``).
  private(set) var fewSegments: [Bool] = []

  /// The most segments on one side of a node of a layer priced pair by pair (the work per pair is
  /// the product of the two nodes' counts).
  static let pairwiseDegreeLimit = 8

  /// Splits the edges at every layer between their ends.
  init(layerOf realLayers: [Int], edges: [LayoutEdge]) {
    realCount = realLayers.count
    layerOf = realLayers
    layerCount = (realLayers.max() ?? -1) + 1
    down = Array(repeating: [], count: realCount)
    up = Array(repeating: [], count: realCount)
    segmentsOfEdge.reserveCapacity(edges.count)
    for edge in edges {
      var segments: [Int] = []
      var previous = edge.from
      for layer in (layerOf[edge.from] + 1)..<layerOf[edge.to] {
        let dummy = layerOf.count
        layerOf.append(layer)
        down.append([])
        up.append([])
        segments.append(addSegment(from: previous, to: dummy))
        previous = dummy
      }
      segments.append(addSegment(from: previous, to: edge.to))
      segmentsOfEdge.append(segments)
    }
    var portOf = [Int](repeating: 0, count: upper.count)
    for node in 0..<nodeCount {
      for (port, segment) in up[node].enumerated() { portOf[segment] = port }
      while up[node].count > 1 << portBits { portBits += 1 }
    }
    for node in 0..<nodeCount {
      belowNodes.append(contentsOf: down[node].map { lower[$0] })
      belowPorts.append(contentsOf: down[node].map { portOf[$0] })
      belowStarts.append(belowNodes.count)
      aboveNodes.append(contentsOf: up[node].map { upper[$0] })
      aboveStarts.append(aboveNodes.count)
    }
    fewSegments = Array(repeating: true, count: layerCount)
    for node in 0..<nodeCount
    where max(down[node].count, up[node].count) > Self.pairwiseDegreeLimit {
      fewSegments[layerOf[node]] = false
    }
  }

  /// The number of nodes, dummies included.
  var nodeCount: Int { layerOf.count }

  /// Whether `node` is a dummy.
  func isDummy(_ node: Int) -> Bool { node >= realCount }

  private mutating func addSegment(from source: Int, to target: Int) -> Int {
    let segment = upper.count
    upper.append(source)
    lower.append(target)
    down[source].append(segment)
    up[target].append(segment)
    return segment
  }
}
