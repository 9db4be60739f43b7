import Autodiff
import Stepping

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The gradient flow in the inspector's place (`w`): a line per parameter with the norms of its
/// data and grad, their ratio, a bar of the grad norm on a log scale, and a vanishing or exploding
/// mark; above them, the first step that produced a nan or an infinity (`!` goes there).
struct GradientFlowView {
  let state: AppState
  let width: Int

  /// The bar's width in cells.
  static let barWidth = 12

  func lines() -> [StyledLine] {
    let flow = GradientFlow(session: state.session)
    let session = state.session
    var lines = [
      StyledLine([
        ("Gradient flow", Theme.heading),
        (" · step \(session.cursor)/\(session.stepCount) · w inspector · ! first nan/inf", Theme.help),
      ])
    ]
    if let first = flow.firstNonFinite {
      lines.append(
        StyledLine("  first nan/inf: step \(first.step), \(first.description) (! goes there)", Theme.fail))
    } else {
      lines.append(StyledLine("  no step produced a nan or an infinity", Theme.help))
    }
    guard !flow.rows.isEmpty else { return lines + [StyledLine("  no parameters", Theme.help)] }
    let names = flow.rows.map { "\($0.name) \(formatShape($0.shape))" }
    let nameWidth = min(max(names.map(\.count).max()!, 9), max(width / 3, 9))
    let (low, high) = scale(flow.rows)
    lines.append(
      StyledLine(
        "  " + "parameter".padded(to: nameWidth) + "  " + column("‖data‖") + column("‖grad‖")
          + column("grad/data") + "log ‖grad‖ 1e\(low)…1e\(high)", Theme.help))
    for (row, name) in zip(flow.rows, names) {
      var runs: [(String, CellStyle)] = [
        ("  " + String(name.prefix(nameWidth)).padded(to: nameWidth) + "  ", Theme.value),
        (column(NumberFormat.short(row.dataNorm)), Theme.value),
        (column(row.gradNorm.map(NumberFormat.short) ?? "—"), Theme.value),
        (column(row.ratio.map(NumberFormat.short) ?? "—"), Theme.value),
        (bar(row.gradNorm, low: low, high: high), row.mark == .none ? Theme.pass : Theme.fail),
      ]
      if row.mark != .none { runs.append((" " + row.mark.rawValue, Theme.fail)) }
      lines.append(StyledLine(runs))
    }
    return lines
  }

  /// A number column: the text and a space, at least 11 cells.
  private func column(_ text: String) -> String { text.padded(to: 10) + " " }

  /// The decades the bars span: from the smallest positive finite grad norm to the largest.
  private func scale(_ rows: [GradientFlow.Row]) -> (Int, Int) {
    let norms = rows.compactMap(\.gradNorm).filter { $0 > 0 && $0.isFinite }
    guard let smallest = norms.min(), let largest = norms.max() else { return (-6, 0) }
    let high = Int(log10(largest).rounded(.up))
    return (min(Int(log10(smallest).rounded(.down)), high - 1), high)
  }

  /// `██████░░░░░░`: the grad norm's decade within `low…high`; all light when zero or absent, all
  /// heavy when not finite.
  private func bar(_ norm: Double?, low: Int, high: Int) -> String {
    guard let norm, norm > 0 else { return String(repeating: "░", count: Self.barWidth) }
    guard norm.isFinite else { return String(repeating: "█", count: Self.barWidth) }
    let fraction = (log10(norm) - Double(low)) / Double(high - low)
    let filled = min(max(Int((fraction * Double(Self.barWidth)).rounded()), 1), Self.barWidth)
    return String(repeating: "█", count: filled) + String(repeating: "░", count: Self.barWidth - filled)
  }
}
