import Autodiff
import Stepping

extension StateJSON {
  /// The current backward step's chain rule: the function, `gy`, and per input the formula in
  /// symbols, the factors in numbers (scalars), the sum back to a broadcast input's shape, the
  /// result and the input's grad before and after; `null` on any other step.
  static func chainRule(_ session: Session) -> String {
    guard let step = session.currentStep, let rule = ChainRule(step: step, in: session.graph) else {
      return "null"
    }
    let terms = rule.terms.map { term in
      let reduction =
        term.reduction.map { reduction in
          "{\"axes\": [\(reduction.axes.map(String.init).joined(separator: ", "))], "
            + "\"before_sum\": \(tensor(reduction.unreduced))}"
        } ?? "null"
      return "      {\"input\": \(string(term.input)), \"gradient\": \(string(term.gradientName)), "
        + "\"symbolic\": \(string(term.symbolic)), \"numeric\": \(term.numeric.map(string) ?? "null"), "
        + "\"sum_to\": \(reduction), \"result\": \(tensor(term.result)), "
        + "\"grad_before\": \(tensor(term.before)), \"grad_after\": \(tensor(term.after)), "
        + "\"equation\": \(string(term.clauses.joined(separator: " ")))}"
    }
    return """
      {
          "function": \(string(rule.function)),
          "gy": [\(step.outputGrads.map { tensor($0) }.joined(separator: ", "))],
          "terms": [
      \(terms.joined(separator: ",\n"))
          ]
        }
      """
  }

  /// At the end of a backward pass, its gradient check: every element checked, whether each
  /// passed (with the step used, and why it cannot be checked where the step leaves a function's
  /// domain, else `null`), and how many elements were left out beyond `Session.gradientCheckLimit`; `null` elsewhere.
  static func gradientCheck(_ session: Session) -> String {
    guard let check = session.gradientCheckAtCursor else { return "null" }
    let entries = check.entries.map { entry in
      let label = session.graph.variables[session.checkedInputs[entry.input]].label
      let index = entry.index.isEmpty ? "" : "[" + entry.index.map(String.init).joined(separator: ",") + "]"
      return "      {\"input\": \(string(label)), "
        + "\"index\": [\(entry.index.map(String.init).joined(separator: ", "))], "
        + "\"backprop\": \(number(entry.backprop)), \"numerical\": \(number(entry.numerical)), "
        + "\"abs_error\": \(number(entry.absoluteError)), \"pass\": \(check.passes(entry)), "
        + "\"step\": \(number(entry.step)), "
        + "\"not_applicable\": \(check.notApplicable(entry, label: label + index).map(string) ?? "null")}"
    }
    return """
      {
          "eps": \(number(check.eps)),
          "passed": \(check.passed),
          "limit": \(Session.gradientCheckLimit),
          "not_checked": \(session.uncheckedElementCount),
          "entries": [
      \(entries.joined(separator: ",\n"))
          ]
        }
      """
  }
}
