import Autodiff
import Stepping

/// What-if editing: the value editor on an input, and nudging a scalar input by a step.
extension AppState {
  /// The nudge steps allowed, as powers of ten.
  static let nudgeExponents = -12...6

  /// The step `+` and `-` change the selected input by.
  public var nudgeStep: Double { Double("1e\(nudgeExponent)")! }

  /// The selected input, or `nil` with `status` saying why there is none (for `action`).
  private mutating func selectedInput(for action: String) -> Int? {
    guard let selection else {
      status = "select an input first (Tab or click), then \(action)"
      return nil
    }
    let graph = session.graph
    guard selection < graph.variables.count else {
      status =
        "\(graph.functions[selection - graph.variables.count].label) is a function: "
        + "select an input (Tab or click), then \(action)"
      return nil
    }
    return selection
  }

  mutating func openEditor() {
    guard let variable = selectedInput(for: "press e") else { return }
    do {
      try session.checkEditable(variable)
    } catch {
      status = error.description
      return
    }
    let value = session.data(of: variable) ?? session.graph.variables[variable].variable.data
    showsHelp = false
    editor = ValueEditor(variable: variable, line: LineEditor(NumberFormat.full(value)))
  }

  mutating func commitEdit() {
    guard let editor else { return }
    do {
      replaceSession(
        with: try session.editing(editor.variable, to: editor.line.text), editing: editor.variable)
      self.editor = nil
    } catch {
      status = error.description
    }
  }

  mutating func nudge(steps: Int) {
    let sign = steps < 0 ? "-" : "+"
    guard let variable = selectedInput(for: sign) else { return }
    do {
      replaceSession(
        with: try session.nudging(variable, by: Double(steps) * nudgeStep), editing: variable)
    } catch {
      status = error.description
    }
  }

  mutating func scaleNudgeStep(exponent: Int) {
    let scaled = nudgeExponent + exponent
    guard Self.nudgeExponents.contains(scaled) else {
      status =
        "the nudge step is already \(NumberFormat.full(nudgeStep)), the "
        + (exponent > 0 ? "largest" : "smallest")
      return
    }
    nudgeExponent = scaled
    status = "nudge step \(NumberFormat.full(nudgeStep)): + and - change the selected input by it"
  }

  /// A value for the status line: a scalar in full precision, a tensor's leading values.
  static func valueText(_ value: Tensor?) -> String {
    guard let value else { return "—" }
    return value.rank == 0 ? NumberFormat.full(value) : NumberFormat.short(value, width: 24)
  }
}
