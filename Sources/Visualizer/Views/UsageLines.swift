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

  /// Which variable this is, at the inspector's width, for the cache.
  private var usesKey: UsageCache.UsesKey {
    UsageCache.UsesKey(
      variable: ObjectIdentifier(graph.variables[variable].variable), functions: graph.functions.count,
      width: inspector.width)
  }

  /// The uses: a heading with their count, then each function, built only when shown (where each
  /// use's lines start is counted once per variable and width, in the inspector's cache).
  var uses: InspectorLines {
    let consumers = graph.variables[variable].consumers
    guard !consumers.isEmpty else { return InspectorLines([StyledLine("  used by: nothing (the output)")]) }
    let head = consumers.count == 1 ? "  used by 1 function:" : "  used by \(consumers.count) functions:"
    let starts = inspector.cache.starts(usesKey, of: graph.variables[variable].variable) {
      var starts = [0]
      starts.reserveCapacity(consumers.count + 1)
      for function in consumers { starts.append(starts[starts.count - 1] + useText(function).count) }
      return starts
    }
    return InspectorLines([StyledLine(head)])
      + InspectorLines(count: starts[consumers.count]) { range in
        useLines(range, consumers: consumers, starts: starts)
      }
  }

  /// One use, wrapped: `    h2#1 = w · h1`, then its function and forward step.
  private func useText(_ function: Int) -> [String] {
    wrap(
      [
        "    \(expression(of: function))",
        "(\(graph.functions[function].label), forward step \(function + 1))",
      ],
      width: inspector.width, indent: "      ")
  }

  /// The lines in `range` of the uses `consumers`, whose lines start at `starts`.
  private func useLines(_ range: Range<Int>, consumers: [Int], starts: [Int]) -> [StyledLine] {
    var (low, high) = (0, consumers.count - 1)  // the last use starting at or before range's start
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
    }
    var lines = [StyledLine]()
    var use = low
    while use < consumers.count && starts[use] < range.upperBound {
      let text = useText(consumers[use])
      let shown = max(range.lowerBound - starts[use], 0)..<min(range.upperBound - starts[use], text.count)
      lines += shown.map { $0 == 0 ? StyledLine(text[$0]) : StyledLine(text[$0], Theme.help) }
      use += 1
    }
    return lines
  }

  /// The sum of the contributions, when there are several, adding up to `total` (the grad shown):
  /// the total, then one line per term, built only when shown (the terms in their order and
  /// their values are kept in the inspector's cache); empty when there is one or none, or no grad
  /// to show.
  func sum(total: Tensor?) -> InspectorLines {
    let bySize = inspector.state.sortsContributionsBySize
    let key = UsageCache.TermsKey(
      uses: usesKey, edition: session.edition, cursor: session.cursor, bySize: bySize)
    let terms = inspector.cache.terms(key, of: graph.variables[variable].variable) {
      shown(session.contributions(to: variable), bySize: bySize)
    }
    guard terms.ordered.count > 1, let total else { return InspectorLines() }
    let name = graph.variables[variable].label
    let order = bySize ? "largest first (s: timeline order)" : "s: largest first"
    let head =
      inspector.block(
        [("  \(name).grad = Σ \(terms.ordered.count) contributions = ", Theme.heading)], total,
        style: Theme.freshValue) + [StyledLine("    \(order)", Theme.help)]
    return InspectorLines(head)
      + InspectorLines(count: terms.ordered.count) { range in range.map { termLine($0, of: terms) } }
  }

  /// The contributions in the order shown (timeline order, or `bySize` largest first), with their
  /// values as shown and the column they are padded to.
  private func shown(_ terms: [Session.Contribution], bySize: Bool) -> UsageCache.Terms {
    let ordered =
      bySize
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
    return UsageCache.Terms(ordered: ordered, values: values, valueWidth: valueWidth)
  }

  /// Term `index` of `terms`: `    + 0.375…   h10#1 = w · h9  (backward step 44)`.
  private func termLine(_ index: Int, of terms: UsageCache.Terms) -> StyledLine {
    let (term, value) = (terms.ordered[index], terms.values[index])
    let sign = value.hasPrefix("-") ? "− " : "+ "
    let magnitude = value.hasPrefix("-") ? String(value.dropFirst()) : value
    let from = "\(expression(of: term.function))  (backward step \(term.step))"
    return StyledLine([
      ("    " + sign, Theme.help), (magnitude.padded(to: terms.valueWidth), Theme.value),
      ("  " + from, Theme.help),
    ])
  }

  /// A gradient's size for sorting: the largest magnitude among its elements.
  private static func size(_ tensor: Tensor) -> Double {
    tensor.scalars.reduce(0) { max($0, abs($1)) }
  }
}
