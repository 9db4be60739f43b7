import Autodiff
import Stepping

/// Where a selected variable is used and what each use sent back, as inspector lines. Every use is
/// listed (the inspector scrolls), named by what its function computes and the forward step it
/// runs at: `h2#1 = w · h1   forward step 5`. With references a variable's uses can be far apart,
/// so this is where to read them all. A variable with several gradient contributions (a shared
/// weight) also gets their sum, term by term: `w.grad = Σ 20 contributions = …`, in timeline order
/// or (`s`) largest first, so backprop through time can be read as the sum it is.
struct UsageLines {
  let inspector: InspectorView
  let variable: Int

  private var session: Session { inspector.state.session }
  private var graph: GraphModel { session.graph }

  /// `y#1 = x · x`.
  private func expression(of function: Int) -> String {
    let node = graph.functions[function]
    let outputs = node.outputs.map { graph.variables[$0].label }.joined(separator: ", ")
    return "\(outputs) = \(node.function.expression(node.inputs.map { graph.variables[$0].symbol }))"
  }

  /// The uses, one per line: a heading with their count, then each function.
  var uses: [StyledLine] {
    let consumers = graph.variables[variable].consumers
    guard !consumers.isEmpty else { return [StyledLine("  used by: nothing (the output)")] }
    let width = inspector.width
    let head = consumers.count == 1 ? "  used by 1 function:" : "  used by \(consumers.count) functions:"
    return [StyledLine(head)]
      + consumers.flatMap { function in
        wrap(
          [
            "    \(expression(of: function))",
            "(\(graph.functions[function].label), forward step \(function + 1))",
          ],
          width: width, indent: "      "
        ).enumerated().map { position, line in
          position == 0 ? StyledLine(line) : StyledLine(line, Theme.help)
        }
      }
  }

  /// The sum of the contributions, when there are several, adding up to `total` (the grad shown):
  /// the total, then one line per term; empty when there is one or none, or no grad to show.
  func sum(total: Tensor?) -> [StyledLine] {
    let terms = session.contributions(to: variable)
    guard terms.count > 1, let total else { return [] }
    let name = graph.variables[variable].label
    let order =
      inspector.state.sortsContributionsBySize ? "largest first (s: timeline order)" : "s: largest first"
    let ordered =
      inspector.state.sortsContributionsBySize
      ? terms.enumerated().sorted { lhs, rhs in
        let (a, b) = (Self.size(lhs.element.gradient), Self.size(rhs.element.gradient))
        return a != b ? a > b : lhs.offset < rhs.offset
      }.map(\.element)
      : terms
    let width = inspector.width
    let values = ordered.map { term in
      term.gradient.rank == 0
        ? NumberFormat.full(term.gradient.scalars[0])
        : NumberFormat.short(term.gradient, width: max(width / 3, 12))
    }
    let valueWidth = min(values.map(\.count).max() ?? 0, max(width / 2, 12))
    var lines = inspector.block(
      [("  \(name).grad = Σ \(terms.count) contributions = ", Theme.heading)], total, style: Theme.freshValue)
    lines.append(StyledLine("    \(order)", Theme.help))
    for (term, value) in zip(ordered, values) {
      let sign = value.hasPrefix("-") ? "− " : "+ "
      let magnitude = value.hasPrefix("-") ? String(value.dropFirst()) : value
      let from = "\(expression(of: term.function))  (backward step \(term.step))"
      lines.append(
        StyledLine([
          ("    " + sign, Theme.help), (magnitude.padded(to: valueWidth), Theme.value),
          ("  " + from, Theme.help),
        ]))
    }
    return lines
  }

  /// A gradient's size for sorting: the largest magnitude among its elements.
  private static func size(_ tensor: Tensor) -> Double {
    tensor.scalars.reduce(0) { max($0, abs($1)) }
  }
}
