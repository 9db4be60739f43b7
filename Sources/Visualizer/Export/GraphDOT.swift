import Autodiff
import Stepping

/// The graph at the app's current step in Graphviz's DOT language, for `dot -Tsvg` and the like:
/// each variable a table labelled with its name (and shape, for a tensor), `data` and `grad`
/// (`—` until computed), each function a node of its own, the active function filled magenta and
/// the variables the step changed outlined in green. Nodes are named by their numbers in the
/// graph, so the output never depends on memory addresses.
public enum GraphDOT {
  /// How many characters a tensor's values may take in a label.
  static let valueWidth = 40

  /// `state`'s graph and values as a DOT digraph, laid out in `state`'s orientation.
  public static func encode(_ state: AppState) -> String {
    let session = state.session
    let graph = session.graph
    let changed = Set(session.currentStep?.changes.map(\.variable) ?? [])
    var lines = [
      "digraph GradStep {",
      "  rankdir=\(state.orientation == .leftToRight ? "LR" : "TB");",
      "  node [fontname=\"monospace\", fontsize=11];",
      "  edge [color=\"#606060\"];",
    ]
    for index in graph.variables.indices {
      let node = graph.variables[index]
      let shape = node.variable.shape.isEmpty ? "" : " " + formatShape(node.variable.shape)
      let color = changed.contains(index) ? "#00a000" : "#008b8b"
      let border = changed.contains(index) ? "2" : "1"
      let rows = [
        "<tr><td><b>\(escaped(node.label))</b>\(escaped(shape))</td></tr>",
        "<tr><td align=\"left\">data \(escaped(value(session.data(of: index))))</td></tr>",
        "<tr><td align=\"left\">grad \(escaped(value(session.grad(of: index))))</td></tr>",
      ]
      lines.append(
        "  v\(index) [shape=plain, color=\"\(color)\", label=<<table border=\"\(border)\" cellborder=\"0\" "
          + "cellspacing=\"0\" cellpadding=\"3\" color=\"\(color)\">\(rows.joined())</table>>];")
    }
    for index in graph.functions.indices {
      let active = session.activeFunction == index
      let fill = active ? "#ff79c6\", penwidth=\"2" : "#fff3c4"
      lines.append(
        "  f\(index) [shape=box, style=\"rounded,filled\", fillcolor=\"\(fill)\", "
          + "label=\"\(escapedQuoted(graph.functions[index].label))\"];")
    }
    for (index, function) in graph.functions.enumerated() {
      for input in function.inputs { lines.append("  v\(input) -> f\(index);") }
      for output in function.outputs { lines.append("  f\(index) -> v\(output);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A value as the graph's boxes show it, `—` when not computed yet.
  static func value(_ tensor: Tensor?) -> String {
    tensor.map { NumberFormat.short($0, width: valueWidth) } ?? "—"
  }

  /// Text for an HTML-like label: `& < > "` as entities.
  static func escaped(_ text: String) -> String { SVGFrame.escaped(text) }

  /// Text for a quoted DOT string: quotes and backslashes escaped.
  static func escapedQuoted(_ text: String) -> String {
    var result = ""
    for character in text {
      if character == "\\" || character == "\"" { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
