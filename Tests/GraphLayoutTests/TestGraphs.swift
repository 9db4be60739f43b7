import Foundation

@testable import GraphLayout

/// Graphs for the tests: hand-made ones, the benchmark graphs, and seeded random DAGs.
enum TestGraphs {
  /// A box sized as the visualiser does: the label plus a border and a space on each side.
  static func box(_ label: String) -> CellSize { CellSize(width: label.count + 4, height: 3) }

  /// Builds an input from labels and `(from, to)` pairs.
  static func input(_ labels: [String], _ edges: [(Int, Int)]) -> LayoutInput {
    LayoutInput(sizes: labels.map(box), edges: edges.map { LayoutEdge(from: $0.0, to: $0.1) })
  }

  /// x → Square → a → Exp → b → Square → y.
  static let chain = input(
    ["x", "Square", "a", "Exp", "b", "Square", "y"], (0..<6).map { ($0, $0 + 1) })

  /// a → {Sin, Cos} → b, c → Add → y.
  static let diamond = input(
    ["a", "Sin", "Cos", "b", "c", "Add", "y"], [(0, 1), (0, 2), (1, 3), (2, 4), (3, 5), (4, 5), (5, 6)])

  /// y = x*x + x*x, with the two parallel edges into each Mul.
  static let reusedVariable = input(
    ["x", "Mul", "Mul", "p", "q", "Add", "y"],
    [(0, 1), (0, 1), (0, 2), (0, 2), (1, 3), (2, 4), (3, 5), (4, 5), (5, 6)])

  /// Edges that skip layers: x feeds functions one, three and five layers on.
  static let skipLayers = input(
    ["x", "Exp", "a", "Mul", "b", "Add", "y"],
    [(0, 1), (1, 2), (2, 3), (0, 3), (3, 4), (4, 5), (0, 5), (2, 5), (5, 6)])

  /// A function with four inputs, given in an order that differs from the node order.
  static let severalInputs = input(
    ["a", "b", "c", "d", "Sum4", "y", "Sub", "z"],
    [(2, 4), (0, 4), (3, 4), (1, 4), (4, 5), (5, 6), (1, 6), (6, 7)])

  /// `u = x·y`, `v = x + u`, `w = v·v`, `s = sin(x)`, `z = w + s`: a side branch that feeds only the
  /// last function, whose inputs come from the long main branch first.
  static let branching = input(
    ["x", "y", "Mul", "u", "Add", "v", "Mul", "w", "Sin", "s", "Add", "z"],
    [
      (0, 2), (1, 2), (2, 3), (0, 4), (3, 4), (4, 5), (5, 6), (5, 6), (6, 7), (0, 8), (8, 9),
      (7, 10), (9, 10), (10, 11),
    ])

  /// The hand-made graphs, by name.
  static let hand: [(name: String, input: LayoutInput)] = [
    ("chain", chain), ("diamond", diamond), ("reusedVariable", reusedVariable),
    ("skipLayers", skipLayers), ("severalInputs", severalInputs), ("branching", branching),
  ]

  /// The benchmark graph `name` (e.g. "dag_100") from `Tests/GraphLayoutTests/Graphs`.
  static func bench(_ name: String) throws -> LayoutInput {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Graphs/\(name).json")
    return try benchFile(url)
  }

  /// Reads a graph in the benchmark JSON format, sizing boxes as label width + 4 by 3.
  static func benchFile(_ url: URL) throws -> LayoutInput {
    struct Node: Decodable { var label: String }
    struct File: Decodable {
      var nodes: [Node]
      var edges: [[Int]]
    }
    let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    return LayoutInput(
      sizes: file.nodes.map { box($0.label) },
      edges: file.edges.map { LayoutEdge(from: $0[0], to: $0[1]) })
  }

  /// The names of the benchmark graphs copied into the test target.
  static let benchNames = [
    "chain_1", "chain_10", "chain_100", "chain_1000", "dag_10", "dag_100", "dag_1000", "dag_5000",
  ]

  /// A random DAG: every node after the first few takes one to three inputs from earlier nodes,
  /// sometimes the same one twice. The same seed gives the same graph.
  static func random(nodes: Int, seed: UInt64) -> LayoutInput {
    var generator = SplitMix64(seed: seed)
    var edges: [(Int, Int)] = []
    for node in 0..<nodes where node >= 3 || (node > 0 && generator.next() % 2 == 0) {
      let inputs = 1 + Int(generator.next() % 3)
      for _ in 0..<inputs {
        let span = 1 + Int(generator.next() % UInt64(min(node, 6)))
        edges.append((node - span, node))
      }
    }
    let labels = (0..<nodes).map { _ in String(repeating: "x", count: 1 + Int(generator.next() % 7)) }
    return input(labels, edges)
  }
}
