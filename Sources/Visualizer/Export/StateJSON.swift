import Autodiff
import Stepping

/// The state as JSON, for scripts and for tests that check values rather than pixels: step, phase,
/// active function, every variable's name, shape, data and grad (`null` when not computed yet),
/// in the graph's numbering order, the current backward step's chain rule and, after the last
/// step, the gradient check (each `null` otherwise); with a `repeat` loop, every iteration's loss
/// and parameters (`optimization`). Keys are always written in the same order, and numbers in
/// shortest round-trip form, so the output is byte-for-byte stable.
public enum StateJSON {
  /// `state` as one JSON object (pretty-printed, two-space indent).
  public static func encode(_ state: AppState) -> String {
    let session = state.session
    let graph = session.graph
    let active =
      session.activeFunction.map { index in
        "{\"index\": \(index), \"name\": \(string(graph.functions[index].label))}"
      } ?? "null"
    let variables = graph.variables.indices.map { index in
      let node = graph.variables[index]
      return
        "    {\"name\": \(string(node.label)), \"shape\": [\(node.variable.shape.map(String.init).joined(separator: ", "))], "
        + "\"data\": \(tensor(session.data(of: index))), \"grad\": \(tensor(session.grad(of: index)))}"
    }
    return """
      {
        "step": \(session.cursor),
        "steps": \(session.stepCount),
        "phase": \(string(session.phase.rawValue)),
        "active_function": \(active),
        "output": \(string(graph.variables[graph.output].label)),\(notes(state))
        "variables": [
      \(variables.joined(separator: ",\n"))
        ],
        "chain_rule": \(chainRule(session)),
        "gradient_check": \(gradientCheck(session)),
        "gradients": \(gradients(session))\(state.optimization.map { ",\n  \"optimization\": " + optimization($0) } ?? "")
      }
      """
  }

  /// The gradient flow at the cursor: per parameter (graph order) the norms of data and grad, their
  /// ratio and the mark (`""`, `"vanishing"`, `"exploding"`); and the first step that produced a
  /// nan or an infinity (`null` when none did).
  static func gradients(_ session: Session) -> String {
    let flow = GradientFlow(session: session)
    let rows = flow.rows.map { row in
      "      {\"name\": \(string(row.name)), \"data_norm\": \(number(row.dataNorm)), "
        + "\"grad_norm\": \(row.gradNorm.map(number) ?? "null"), \"ratio\": \(row.ratio.map(number) ?? "null"), "
        + "\"mark\": \(string(row.mark.rawValue))}"
    }
    let first =
      flow.firstNonFinite.map {
        "{\"step\": \($0.step), \"what\": \(string($0.description))}"
      } ?? "null"
    return "{\n    \"parameters\": [\n" + rows.joined(separator: ",\n")
      + "\n    ],\n    \"first_nan_or_inf\": \(first)\n  }"
  }

  /// `"notes": […]` on a line of its own when there are notes (a model's filled inputs), else nothing.
  static func notes(_ state: AppState) -> String {
    state.notes.isEmpty ? "" : "\n  \"notes\": [\(state.notes.map(string).joined(separator: ", "))],"
  }

  /// A tensor as nested JSON arrays, a scalar as a number, `nil` as `null`.
  static func tensor(_ value: Tensor?) -> String {
    guard let value else { return "null" }
    guard !value.shape.isEmpty else { return number(value.scalars[0]) }
    func nested(_ axis: Int, _ offset: Int) -> String {
      let inner = Tensor.elementCount(of: Array(value.shape[(axis + 1)...]))
      let items = (0..<value.shape[axis]).map { position in
        axis == value.rank - 1
          ? number(value.scalars[offset + position]) : nested(axis + 1, offset + position * inner)
      }
      return "[" + items.joined(separator: ", ") + "]"
    }
    return nested(0, 0)
  }

  /// A JSON number; NaN and infinities, which JSON cannot hold, become the strings `"nan"`, `"inf"`, `"-inf"`.
  static func number(_ value: Double) -> String {
    value.isFinite ? value.description : string(NumberFormat.short(value))
  }

  /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
  public static func string(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped + "\""
  }

}
