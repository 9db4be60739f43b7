import Autodiff
import Stepping

/// The inspector's lines for the lesson of repeated backward passes (DeZero's step 18): what a
/// second seed adds to, what `cleargrad` clears, and why a gradient check after an accumulation fails.
struct PassLines {
  let session: Session
  let width: Int

  private var graph: GraphModel { session.graph }

  /// Prose wrapped to the width, indented after the first line.
  private func prose(_ text: String, _ style: CellStyle = Theme.help) -> [StyledLine] {
    wrap(text.split(separator: " ").map(String.init), width: width, indent: "  ").map {
      StyledLine($0, style)
    }
  }

  /// Under a seed after the first pass: whether this pass adds to kept gradients or starts afresh.
  func seedNote(_ step: Step) -> [StyledLine] {
    guard step.pass > 1 else { return [] }
    guard session.accumulatedPasses > 1 else {
      return prose("Backward pass \(step.pass), after cleargrad: every gradient starts from nothing again.")
    }
    let kept = session.checkedInputs.compactMap { input in
      session.grad(of: input).map { "\(graph.variables[input].label).grad = \(NumberFormat.full($0))" }
    }
    return prose(
      "Backward pass \(step.pass), without cleargrad: the leaves keep their gradients"
        + (kept.isEmpty ? "" : " (\(kept.joined(separator: ", ")))")
        + ", so this pass adds to them. The last pass freed the intermediates' grads, as DeZero's "
        + "backward does (retain_grad=False), so each leaf's grad grows by one pass: it doubles. "
        + "Kept intermediate grads would add up too, and the leaves would more than double.")
  }

  /// A `cleargrad` step: what it cleared.
  func clearingLines(_ step: Step) -> [StyledLine] {
    var lines = [
      StyledLine([
        ("Cleargrad", Theme.heading),
        ("  every variable's grad = None, so the next backward starts afresh", .plain),
      ])
    ]
    for change in step.changes {
      let old = change.old.map(NumberFormat.full) ?? "—"
      lines += wrap(
        ["  \(graph.variables[change.variable].label).grad = \(old)", "→ —"], width: width, indent: "    "
      ).map { StyledLine($0) }
    }
    return lines
  }

  /// Under a gradient check that failed after passes accumulated: why, and the fix.
  func checkNote(_ check: GradientCheck) -> [StyledLine] {
    let passes = session.accumulatedPasses
    guard !check.passed, passes > 1 else { return [] }
    return prose(
      "✗ backprop is the sum of \(passes) backward passes: gradients accumulate until cleared. "
        + "Call cleargrad before backward again.", Theme.fail)
  }
}
