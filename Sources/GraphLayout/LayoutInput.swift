/// A directed edge between two nodes, given by their indices in ``LayoutInput/sizes``.
public struct LayoutEdge: Hashable, Sendable {
  /// The source node (an input of `to`).
  public var from: Int
  /// The target node.
  public var to: Int

  /// Creates the edge `from → to`.
  public init(from: Int, to: Int) {
    self.from = from
    self.to = to
  }
}

/// The graph to lay out: one box size per node, and the edges in a meaningful order.
///
/// The order of a node's incoming edges is the order of its inputs: the first one enters
/// its box at the top (left-to-right) or on the left (top-to-bottom). Parallel edges are allowed.
public struct LayoutInput: Sendable {
  /// Node `i`'s box size in cells, before any growth to fit its input ports.
  public var sizes: [CellSize]
  /// The edges, in input order. Must form a DAG.
  public var edges: [LayoutEdge]

  /// Creates an input from box sizes and edges.
  public init(sizes: [CellSize], edges: [LayoutEdge]) {
    self.sizes = sizes
    self.edges = edges
  }
}

/// Tuning knobs for ``layoutGraph(_:options:)``.
public struct LayoutOptions: Sendable {
  /// Which way the layers run.
  public var orientation: Orientation
  /// The smallest number of cells between two layers; a gap grows when its edges need more tracks.
  public var layerGap: Int
  /// The smallest number of empty cells between two boxes of the same layer.
  public var nodeGap: Int
  /// The number of crossing-reduction sweeps (each one down or up, followed by transpositions).
  public var sweeps: Int
  /// Whether boxes have borders: edges then meet a box off its corners, so a box grows to two
  /// cells more than its inputs along the side they enter. Without borders (one-line boxes) any
  /// cell of the side is a port, so a box with one input can be one cell thick.
  public var borderedBoxes: Bool

  /// Creates options; the defaults suit a terminal.
  public init(
    orientation: Orientation = .leftToRight, layerGap: Int = 4, nodeGap: Int = 1, sweeps: Int = 24,
    borderedBoxes: Bool = true
  ) {
    self.orientation = orientation
    self.layerGap = layerGap
    self.nodeGap = nodeGap
    self.sweeps = sweeps
    self.borderedBoxes = borderedBoxes
  }
}

/// Why a graph cannot be laid out.
public enum LayoutError: Error, Equatable, CustomStringConvertible {
  /// Edge `edge` names node `node`, which is not in `0..<sizes.count`.
  case nodeOutOfRange(edge: Int, node: Int)
  /// Node `node`'s box is smaller than one cell.
  case emptyBox(node: Int)
  /// The edges form a cycle through these nodes, in edge direction.
  case cycle(nodes: [Int])

  /// A sentence describing the problem.
  public var description: String {
    switch self {
    case .nodeOutOfRange(let edge, let node):
      return "edge \(edge) refers to node \(node), which does not exist"
    case .emptyBox(let node):
      return "node \(node) has a box smaller than one cell"
    case .cycle(let nodes):
      return "the graph has a cycle: " + nodes.map(String.init).joined(separator: " → ")
    }
  }
}
