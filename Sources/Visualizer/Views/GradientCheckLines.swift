import Autodiff
import Stepping

/// A gradient check at the end of a backward pass, as inspector lines: one row per input element checked
/// (backprop, central difference, their difference, pass or fail), in full precision when the row
/// fits the width and five significant digits otherwise, and a last line counting the elements
/// left unchecked beyond `Session.gradientCheckLimit`.
struct GradientCheckLines {
  let session: Session
  let check: GradientCheck
  let width: Int

  var lines: [StyledLine] {
    let inputs = session.checkedInputs
    let graph = session.graph
    let labels = check.entries.map { entry in
      graph.variables[inputs[entry.input]].label
        + (entry.index.isEmpty ? "" : "[" + entry.index.map(String.init).joined(separator: ",") + "]")
    }
    let labelWidth = max(labels.map(\.count).max() ?? 5, 5)
    func columns(_ format: (Double) -> String) -> (backprop: [String], numerical: [String], width: Int) {
      let backprop = check.entries.map { format($0.backprop) }
      let numerical = check.entries.map { format($0.numerical) }
      return (backprop, numerical, max((backprop + numerical).map(\.count).max() ?? 0, 9) + 2)
    }
    let full = columns(NumberFormat.full)
    let values = labelWidth + 2 + 2 * full.width + 9 + 6 <= width ? full : columns(NumberFormat.short)
    let unchecked = session.uncheckedElementCount
    let count =
      unchecked == 0
      ? "" : " · the first \(check.entries.count) of \(check.entries.count + unchecked) elements"
    var lines = [
      StyledLine([
        ("Gradient check", Theme.heading),
        ("  backprop vs central difference, eps \(check.eps)\(count)", .plain),
      ]),
      StyledLine(
        "input".padded(to: labelWidth) + "  " + "backprop".padded(to: values.width)
          + "numerical".padded(to: values.width) + "|diff|",
        Theme.help),
    ]
    for (position, entry) in check.entries.enumerated() {
      let row =
        labels[position].padded(to: labelWidth) + "  " + values.backprop[position].padded(to: values.width)
        + values.numerical[position].padded(to: values.width)
        + entry.absoluteError.printed("%.1e").padded(to: 9)
      lines.append(StyledLine([(row, .plain), verdict(entry, label: labels[position])]))
    }
    if unchecked > 0 {
      lines.append(
        StyledLine(
          "… \(unchecked) more elements not checked (the check stops at \(Session.gradientCheckLimit))",
          Theme.help))
    }
    return lines
  }

  /// `✓ pass` or `✗ FAIL`, with the step where a smaller one was needed (`✓ pass, eps 1e-15`), or
  /// why the entry cannot be checked (`n/a: a ± 1e-06 leaves the domain of log`).
  private func verdict(_ entry: GradientCheck.Entry, label: String) -> (String, CellStyle) {
    if let reason = check.notApplicable(entry, label: label) { return ("n/a: " + reason, Theme.help) }
    let step = entry.step == check.eps ? "" : ", eps \(entry.step)"
    return check.passes(entry) ? ("✓ pass" + step, Theme.pass) : ("✗ FAIL" + step, Theme.fail)
  }
}
