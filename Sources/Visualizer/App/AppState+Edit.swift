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
    let graph = session.graph
    let output = graph.variables[graph.output].variable
    let outputBefore = output.data.scalar
    let gradient = graph.variables[variable].variable.grad?.scalar
    do {
      let delta = Double(steps) * nudgeStep
      let edited = try session.nudging(variable, by: delta)
      let note = zip3(outputBefore, gradient, output.data.scalar).map { before, gradient, after in
        Self.linearisation(
          output: graph.variables[graph.output].label, input: graph.variables[variable].label,
          actual: after - before, predicted: gradient * delta)
      }
      replaceSession(with: edited, editing: variable, note: note)
    } catch {
      status = error.description
    }
  }

  /// What a gradient means, one nudge away: `Δy = 0.0338 vs x.grad·Δx = 0.0330`, the output's
  /// actual change beside the change its gradient predicted (5 significant digits).
  static func linearisation(output: String, input: String, actual: Double, predicted: Double) -> String {
    "Δ\(output) = \(NumberFormat.short(actual)) vs \(input).grad·Δ\(input) = \(NumberFormat.short(predicted))"
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

/// The three values together when none is `nil`.
private func zip3<A, B, C>(_ a: A?, _ b: B?, _ c: C?) -> (A, B, C)? {
  guard let a, let b, let c else { return nil }
  return (a, b, c)
}
