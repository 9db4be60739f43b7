import Autodiff
import Stepping

/// The graph at the app's current step in Graphviz's DOT language, for `dot -Tsvg` and the like,
/// drawn as the screen draws it: each variable a rounded table with its name (and shape, for a
/// tensor), `data` and `grad` (`—` until computed; a tensor as a grid, one row per line), each
/// function a square box, the active function filled magenta and the variables the step changed
/// outlined in green. A variable used far away or many times is drawn once where it is made and as
/// a dashed reference (`↗w`) beside each far use, by the screen's ``ReferenceRule``, so an unrolled
/// recurrence stays a chain. Nodes are named by their numbers in the graph (`v3`, `f2`; a
/// reference by its box, `r40`), so the output never depends on memory addresses.
public enum GraphDOT {
  /// How many characters a tensor's values may take in a label.
  static let valueWidth = 40

  /// `state`'s graph and values as a DOT digraph, laid out in `state`'s orientation.
  public static func encode(_ state: AppState) -> String {
    let session = state.session
    let graph = session.graph
    let changed = Set(session.currentStep?.changes.map(\.variable) ?? [])
    var display = DisplayGraph(graph: graph)
    if let references = try? ReferenceRule().references(in: display) { display.drawReferences(references) }
    var lines = [
      "digraph GradStep {",
      "  rankdir=\(state.orientation == .leftToRight ? "LR" : "TB");",
      "  node [fontname=\"monospace\", fontsize=11];",
      "  edge [color=\"#606060\"];",
    ]
    for (box, node) in display.nodes.enumerated() {
      switch node {
      case .variable(let index):
        lines.append(variable(index, name: "v\(index)", session: session, changed: changed.contains(index)))
      case .reference(let index, _):
        lines.append(variable(index, name: "r\(box)", session: session, changed: false, reference: true))
      case .function(let index):
        let active = session.activeFunction == index
        let fill = active ? "#ff79c6\", penwidth=\"2" : "#fff3c4"
        lines.append(
          "  f\(index) [shape=box, style=\"filled\", fillcolor=\"\(fill)\", "
            + "label=\"\(escapedQuoted(graph.functions[index].label))\"];")
      case .chain:
        preconditionFailure("the DOT export never collapses chains")
      }
    }
    func name(_ box: Int) -> String {
      switch display.nodes[box] {
      case .variable(let index): "v\(index)"
      case .function(let index): "f\(index)"
      case .reference, .chain: "r\(box)"
      }
    }
    for edge in display.edges { lines.append("  \(name(edge.from)) -> \(name(edge.to));") }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A variable's node (or a dashed reference to it): a rounded table of its name, data and grad.
  private static func variable(
    _ index: Int, name: String, session: Session, changed: Bool, reference: Bool = false
  ) -> String {
    let node = session.graph.variables[index]
    let shape = node.variable.shape.isEmpty ? "" : " " + formatShape(node.variable.shape)
    let color = changed ? "#00a000" : "#008b8b"
    let border = changed ? "2" : "1"
    let style = reference ? "rounded,dashed" : "rounded"
    let rows = [
      "<tr><td><b>\(escaped((reference ? "↗" : "") + node.label))</b>\(escaped(shape))</td></tr>",
      row("data", session.data(of: index)), row("grad", session.grad(of: index)),
    ]
    return
      "  \(name) [shape=plain, color=\"\(color)\", label=<<table style=\"\(style)\" border=\"\(border)\" "
      + "cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\" color=\"\(color)\">\(rows.joined())</table>>];"
  }

  /// `data 0.5`, or a tensor's grid with one row per line, aligned left.
  private static func row(_ field: String, _ tensor: Tensor?) -> String {
    "<tr><td align=\"left\" balign=\"left\">\(field) "
      + value(tensor).map(escaped).joined(
        separator: "<br/>\(String(repeating: "&nbsp;", count: field.count + 1))")
      + "</td></tr>"
  }

  /// A value as the graph's boxes show it (a tensor as the inspector's grid, one line per row), `—`
  /// when not computed yet.
  static func value(_ tensor: Tensor?) -> [String] {
    guard let tensor else { return ["—"] }
    guard tensor.rank > 0 else { return [NumberFormat.short(tensor, width: valueWidth)] }
    return TensorGrid(tensor, fullPrecision: false, width: valueWidth).lines
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
