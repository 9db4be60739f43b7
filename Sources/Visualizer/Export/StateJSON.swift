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
        "output": \(string(graph.variables[graph.output].label)),
        "variables": [
      \(variables.joined(separator: ",\n"))
        ],
        "chain_rule": \(chainRule(session)),
        "gradient_check": \(gradientCheck(session))\(state.optimization.map { ",\n  \"optimization\": " + optimization($0) } ?? "")
      }
      """
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
