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
      let passed = check.passes(entry)
      let row =
        labels[position].padded(to: labelWidth) + "  " + values.backprop[position].padded(to: values.width)
        + values.numerical[position].padded(to: values.width)
        + entry.absoluteError.printed("%.1e").padded(to: 9)
      lines.append(
        StyledLine([(row, .plain), (passed ? "✓ pass" : "✗ FAIL", passed ? Theme.pass : Theme.fail)]))
    }
    if unchecked > 0 {
      lines.append(
        StyledLine(
          "… \(unchecked) more elements not checked (the check stops at \(Session.gradientCheckLimit))",
          Theme.help))
    }
    return lines
  }
}
