import Autodiff
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// The chain rule the inspector shows for each model op (issue 18), in symbols and numbers, as
/// snapshots: one program per op, every backward step of a model op written out.
@Suite struct ModelOpChainRuleTests {
  static let programs: [(op: String, text: String)] = [
    ("Mean", "z = [[1, 2, 3], [4, 5, 6]]\nw = [1, 2]\ny = sum(mean(z, 1) * w)"),
    ("Max", "z = [[0.5, -1.0], [1.7, 0.2], [1.0, 1.5]]\ny = max(z) * 2"),
    ("Max ties", "z = [[1.5, 0.5], [1.5, 1.0]]\ny = max(z)"),
    ("Max axis", "z = [[0.5, -1.0], [1.7, 0.2]]\ny = sum(max(z, 1))"),
    ("Min", "z = [[0.5, -1.0], [1.7, 0.2]]\ny = min(z)"),
    ("Abs", "x = [-1.5, 0, 2]\ny = sum(abs(x) * x)"),
    ("Clip", "x = [-2, 0.5, 1, 3]\ny = sum(clip(x, -1, 1) * x)"),
    ("Maximum", "a = [1, 2, 3]\nb = [3, 2, 1]\ny = sum(maximum(a, b) * a)"),
    ("Minimum", "a = [1, 2, 3]\nb = 2\ny = sum(minimum(a, b))"),
    ("Softmax", "z = [[1, 2, 3]]\nw = [[1, 0, -1]]\ny = sum(softmax(z, 1) * w)"),
    ("LogSoftmax", "z = [[1, 2, 3]]\nt = [[0, 0, 1]]\ny = -sum(log_softmax(z, 1) * t)"),
    ("LogSumExp", "z = [[1, 2], [3, 1000]]\ny = sum(logsumexp(z, 1))"),
    ("GetItem", "z = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]\ny = sum(z[:, 1] * z[0, 1:4])"),
    ("Concat", "a = [1, 2]\nb = [3]\ny = sum(concat(a, b, a, 0) ^ 2)"),
    ("PowVariable", "x = 2\ny = 3\np = x ^ y"),
  ]

  @Test func everyModelOpExplainsItsGradient() throws {
    let modelOps: Set<String> = [
      "Mean", "Max", "Min", "Abs", "Clip", "Maximum", "Minimum", "Softmax", "LogSoftmax", "LogSumExp",
      "GetItem", "Concat", "PowVariable",
    ]
    var text = [String]()
    for (op, program) in Self.programs {
      let session = Session(program: try Program.parse(program))
      text.append("## \(op): " + program.replacingOccurrences(of: "\n", with: "; "))
      for step in session.steps {
        guard let rule = ChainRule(step: step, in: session.graph), modelOps.contains(rule.function) else {
          continue
        }
        for term in rule.terms {
          text.append("\(rule.function): " + term.clauses.joined(separator: " "))
          if let receiving = term.receivingDescription() { text.append("  (" + receiving + ")") }
          text.append("  → " + term.accumulation)
        }
      }
      #expect(text.last?.hasPrefix("  → ") == true, "\(op) has no model-op backward step")
    }
    assertSnapshot(text.joined(separator: "\n") + "\n", named: "chain-rule-model-ops")
  }

  /// The inspector during Max's backward step, at 80×24: the rule names the arg max and its value.
  @Test func theInspectorShowsMaxsRule() throws {
    let frames = try TestPrograms.frames(
      "z = [[0.5, -1.0], [1.7, 0.2]]\ny = max(exp(z)) * 2", title: "max", keys: "<end>p", from: 2)
    assertSnapshot(frames, named: "screen-max-backward-80x24")
  }

  /// The inspector during GetItem's backward step marks the elements that receive gradient.
  @Test func theInspectorMarksWhereGetItemsGradientLands() throws {
    let frames = try TestPrograms.frames(
      "z = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]\ny = sum(square(z)[:, 1])", title: "getitem",
      keys: "<end>p", from: 2, columns: 100, rows: 30)
    assertSnapshot(frames, named: "screen-getitem-backward-100x30")
  }
}
