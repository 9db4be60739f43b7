import Autodiff
import GraphProgram

/// The programs W8 runs: graphs with shared parameters, each next to a plain chain with the same
/// number of functions, and the same graph as a DOT file for `dot`.
enum W8Programs {
  /// The unrolled recurrence `h_t = tanh(w*h_{t-1} + u*x)` for t = 1…`steps`, from inputs `w = 0.5`,
  /// `u = 0.3`, `x = 1.0`, `h0 = 0.0`: four functions per step (two Muls, an Add, a Tanh), and `w`,
  /// `u`, `x` used at every step.
  static func recurrence(steps: Int) -> String {
    var text = "w = 0.5\nu = 0.3\nx = 1.0\nh0 = 0.0\n"
    for step in 1...steps {
      text += "h\(step) = tanh(w*h\(step - 1) + u*x)\n"
    }
    return text
  }

  /// The fan-out sum `x = 0.5`, `y = x + x + … + x` of `terms` terms on one line: `terms − 1` Adds
  /// all reading `x`.
  static func fanOut(terms: Int) -> String {
    var line = "y = x"
    line.reserveCapacity(4 * terms + 8)
    for _ in 1..<terms { line += " + x" }
    return "x = 0.5\n" + line + "\n"
  }

  /// The number of functions of `recurrence(steps:)` or `fanOut(terms:)`.
  static func functions(graph: String, n: Int) -> Int {
    graph == "recurrence" ? 4 * n : n - 1
  }

  /// The program of `graph` (`recurrence` or `fanout`) at size `n`.
  static func program(graph: String, n: Int) -> String {
    graph == "recurrence" ? recurrence(steps: n) : fanOut(terms: n)
  }

  /// The graph of `program` as DOT, left to right: every variable and every function a node (named
  /// 0, 1, … in evaluation order, variables before the function that reads them), an edge from each
  /// input to its function and from each function to its output. Also the node and edge counts.
  static func dot(of program: Program) -> (text: String, nodes: Int, edges: Int) {
    var number = [ObjectIdentifier: Int]()
    var lines = ["digraph G {", "rankdir=LR;"]
    var edges = 0
    func node(_ object: AnyObject, _ label: String) -> Int {
      if let known = number[ObjectIdentifier(object)] { return known }
      let id = number.count
      number[ObjectIdentifier(object)] = id
      lines.append("\(id) [label=\"\(label)\"];")
      return id
    }
    for variable in program.variables {
      guard let function = variable.creator else {
        _ = node(variable, variable.name ?? "?")
        continue
      }
      let functionNode = node(function, function.name)
      for input in function.inputs {
        lines.append("\(node(input, input.name ?? "?")) -> \(functionNode);")
        edges += 1
      }
      lines.append("\(functionNode) -> \(node(variable, variable.name ?? "?"));")
      edges += 1
    }
    lines.append("}")
    return (lines.joined(separator: "\n") + "\n", number.count, edges)
  }
}
