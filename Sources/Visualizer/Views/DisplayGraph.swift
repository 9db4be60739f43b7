/// The boxes a scene draws: one per variable and function, or, with chains collapsed, one box for
/// each run of two or more single-input, single-output functions whose in-between variables feed
/// only the next function of the run.
struct DisplayGraph {
  /// What one box stands for.
  enum Node: Equatable {
    /// Variable `index`.
    case variable(Int)
    /// Function `index`.
    case function(Int)
    /// Functions `indices`, in order, with the variables between them hidden.
    case chain([Int])
  }

  /// The boxes, in the graph's numbering order (a chain where its first function would be).
  let nodes: [Node]
  /// For each graph node (variables, then functions): the box that shows it; hidden in-between
  /// variables map to their chain's box.
  let boxOf: [Int]

  /// Every node its own box.
  init(graph: GraphModel) {
    nodes = graph.variables.indices.map { .variable($0) } + graph.functions.indices.map { .function($0) }
    boxOf = Array(0..<graph.nodeCount)
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
  }

  /// The functions a box shows, in order: none for a variable.
  static func functions(of node: Node) -> [Int] {
    switch node {
    case .variable: return []
    case .function(let index): return [index]
    case .chain(let run): return run
    }
  }

  /// The label of a function or chain box: `Square`, `Square∘Exp`, `Square∘…∘Sqrt ×100`.
  static func label(of node: Node, in graph: GraphModel) -> String {
    switch node {
    case .variable(let index): return graph.variables[index].label
    case .function(let index): return graph.functions[index].label
    case .chain(let run):
      let names = run.map { graph.functions[$0].label }
      return names.count <= 3 ? names.joined(separator: "∘") : "\(names[0])∘…∘\(names.last!) ×\(names.count)"
    }
  }
}
