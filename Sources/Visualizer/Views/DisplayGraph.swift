import Stepping

/// The boxes a scene draws: one per variable and function, or, with chains collapsed, one box for
/// each run of two or more single-input, single-output functions whose in-between variables feed
/// only the next function of the run; and the wires between them. ``drawReferences(_:)`` then turns
/// some wires into references (see ``ReferenceRule``).
struct DisplayGraph {
  /// What one box stands for.
  enum Node: Equatable {
    /// Variable `index`.
    case variable(Int)
    /// Function `index`.
    case function(Int)
    /// Functions `indices`, in order, with the variables between them hidden.
    case chain([Int])
    /// A reference to variable `variable` drawn beside box `consumer`, which uses it, instead of a
    /// wire from the variable's own box.
    case reference(variable: Int, consumer: Int)
  }

  /// A wire: from a variable's box (or a reference) into the box of a function that uses it, or
  /// from a function's box to its output's box.
  struct Edge {
    /// The box it leaves.
    var from: Int
    /// The box it enters.
    let to: Int
    /// The box of the function (or chain) at one end, to highlight the active step's wires.
    let functionBox: Int
  }

  /// The boxes: the graph's nodes in its numbering order (a chain where its first function would
  /// be), then the references.
  private(set) var nodes: [Node]
  /// For each graph node (variables, then functions): the box that shows it; hidden in-between
  /// variables map to their chain's box.
  let boxOf: [Int]
  /// The wires, function by function in evaluation order: its inputs in argument order, then its
  /// outputs.
  private(set) var edges: [Edge]

  /// Every node its own box.
  init(graph: GraphModel) {
    nodes = graph.variables.indices.map { .variable($0) } + graph.functions.indices.map { .function($0) }
    boxOf = Array(0..<graph.nodeCount)
    edges = DisplayGraph.edges(of: graph, boxOf: boxOf)
  }

  /// Chains of two or more functions collapsed into one box each.
  init(collapsing graph: GraphModel) {
    func isLink(_ function: Int) -> Bool {
      let node = graph.functions[function]
      return node.inputs.count == 1 && node.outputs.count == 1
    }
    func next(after function: Int) -> Int? {
      let output = graph.functions[function].outputs[0]
      let consumers = graph.variables[output].consumers
      guard output != graph.output, consumers.count == 1, isLink(consumers[0]),
        graph.functions[consumers[0]].inputs == [output]
      else { return nil }
      return consumers[0]
    }
    var chainOf = [Int?](repeating: nil, count: graph.functions.count)
    var chains = [[Int]]()
    for start in graph.functions.indices where isLink(start) && chainOf[start] == nil {
      let input = graph.functions[start].inputs[0]
      if let creator = graph.variables[input].creator, isLink(creator), next(after: creator) == start {
        continue
      }
      var run = [start]
      while let following = next(after: run.last!) { run.append(following) }
      guard run.count >= 2 else { continue }
      for function in run { chainOf[function] = chains.count }
      chains.append(run)
    }
    var nodes = [Node]()
    var boxOf = [Int](repeating: 0, count: graph.nodeCount)
    var chainBox = [Int: Int]()
    for variable in graph.variables.indices {
      if let creator = graph.variables[variable].creator, let chain = chainOf[creator],
        chains[chain].last != creator
      {
        continue
      }
      boxOf[variable] = nodes.count
      nodes.append(.variable(variable))
    }
    for function in graph.functions.indices {
      let id = graph.nodeID(function: function)
      guard let chain = chainOf[function] else {
        boxOf[id] = nodes.count
        nodes.append(.function(function))
        continue
      }
      if chainBox[chain] == nil {
        chainBox[chain] = nodes.count
        nodes.append(.chain(chains[chain]))
      }
      boxOf[id] = chainBox[chain]!
    }
    for (chain, run) in chains.enumerated() {
      for function in run.dropLast() { boxOf[graph.functions[function].outputs[0]] = chainBox[chain]! }
    }
    self.nodes = nodes
    self.boxOf = boxOf
    edges = DisplayGraph.edges(of: graph, boxOf: boxOf)
  }

  private static func edges(of graph: GraphModel, boxOf: [Int]) -> [Edge] {
    var edges = [Edge]()
    edges.reserveCapacity(graph.functions.count * 3)
    for (position, node) in graph.functions.enumerated() {
      let box = boxOf[graph.nodeID(function: position)]
      for input in node.inputs where boxOf[input] != box {
        edges.append(Edge(from: boxOf[input], to: box, functionBox: box))
      }
      for output in node.outputs where boxOf[output] != box {
        edges.append(Edge(from: box, to: boxOf[output], functionBox: box))
      }
    }
    return edges
  }

  /// Turns the wires `edges[i]` with `isReference[i]` into wires from references: one new box per
  /// variable and consumer, shared by that consumer's wires from the variable.
  mutating func drawReferences(_ isReference: [Bool]) {
    var referenceBox = [Int: Int]()
    let boxCount = nodes.count
    for index in edges.indices where isReference[index] {
      let edge = edges[index]
      guard case .variable(let variable) = nodes[edge.from] else { continue }
      let key = edge.from * boxCount + edge.to
      let box = referenceBox[key] ?? nodes.count
      if box == nodes.count {
        referenceBox[key] = box
        nodes.append(.reference(variable: variable, consumer: edge.to))
      }
      edges[index].from = box
    }
  }

  /// The functions a box shows, in order: none for a variable.
  static func functions(of node: Node) -> [Int] {
    switch node {
    case .variable, .reference: return []
    case .function(let index): return [index]
    case .chain(let run): return run
    }
  }

  /// The label of a box: `x`, `Square`; a chain as the composition it is, which reads right to
  /// left in the program's function names: x→Square→Exp→Sin is `sin∘exp∘square`, a hundred
  /// functions `sqrt∘…∘square ×100` (a reference: its variable's label).
  static func label(of node: Node, in graph: GraphModel) -> String {
    switch node {
    case .variable(let index), .reference(let index, _): return graph.variables[index].label
    case .function(let index): return graph.functions[index].label
    case .chain(let run):
      let names = run.reversed().map { graph.functions[$0].label.lowercased() }
      return names.count <= 3 ? names.joined(separator: "∘") : "\(names[0])∘…∘\(names.last!) ×\(names.count)"
    }
  }
}
