import Autodiff
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// A shared weight used 10,000 times: the inspector builds only the lines it shows, and they are
/// the lines the straightforward construction (every line built, nothing kept) gives.
@Suite struct LazyInspectorTests {
  /// `h_k = tanh(w*h_{k-1})` for k = 1…`steps`: `w` is used `steps` times, each contribution smaller.
  private static func recurrence(steps: Int) -> String {
    (["w = 0.9", "h0 = 0.5"] + (1...steps).map { "h\($0) = tanh(w*h\($0 - 1))" }).joined(separator: "\n")
  }

  /// The rows' text, with each run's style, to compare exactly.
  private static func shown(_ lines: [StyledLine]) -> [String] {
    lines.map { line in line.runs.map { "\($0.style)|\($0.text)" }.joined(separator: "‖") }
  }

  @Test func aTenThousandUseSelectionShowsTheSameLinesAtEveryScroll() throws {
    let steps = 10_000
    let program = try Program.parse(Self.recurrence(steps: steps))
    var state = AppState(session: Session(output: program.output), title: "rnn")
    let w = try #require(state.session.graph.variables.firstIndex { $0.label == "w" })
    #expect(state.session.graph.variables[w].consumers.count == steps)
    state.update(.select(w))
    state.update(.end)
    let cache = UsageCache()
    for bySize in [false, true] {
      if state.sortsContributionsBySize != bySize { state.update(.toggleContributionOrder) }
      for width in [80, 40] {
        let straightforward = InspectorView(state: state, width: width).lines()
        #expect(straightforward.count > 2 * steps)
        for scroll in [0, 7, steps / 2, steps + 3, 2 * steps + 5, 1 << 30] {
          state.inspectorScroll = scroll
          let lazy = InspectorWindow(
            lines: InspectorView(state: state, width: width, cache: cache).content(), rows: 9, scroll: scroll)
          let built = InspectorWindow(lines: InspectorLines(straightforward), rows: 9, scroll: scroll)
          #expect(lazy.lines.count == straightforward.count)
          #expect((lazy.top, lazy.maxScroll, lazy.aboveSign) == (built.top, built.maxScroll, built.aboveSign))
          #expect(Self.shown(lazy.visible) == Self.shown(built.visible))
        }
      }
    }
  }

  @Test func theUsesAreEveryFunctionWrappedAndTheTermsAreSortedOnce() throws {
    let steps = 300
    let program = try Program.parse(Self.recurrence(steps: steps))
    var state = AppState(session: Session(output: program.output), title: "rnn")
    let graph = state.session.graph
    let w = try #require(graph.variables.firstIndex { $0.label == "w" })
    state.update(.select(w))
    state.update(.end)
    let usage = UsageLines(inspector: InspectorView(state: state, width: 30), variable: w)
    let expected =
      ["  used by \(steps) functions:"]
      + graph.variables[w].consumers.flatMap { function in
        let node = graph.functions[function]
        return wrap(
          [
            "    \(node.outputs.map { graph.variables[$0].label }.joined()) = w · \(graph.variables[node.inputs[1]].label)",
            "(\(node.label), forward step \(function + 1))",
          ], width: 30, indent: "      ")
      }
    #expect(usage.uses.all.map(\.text) == expected)
    #expect(usage.uses[5..<9].map(\.text) == Array(expected[5..<9]))
    state.update(.toggleContributionOrder)
    let sum = UsageLines(inspector: InspectorView(state: state, width: 80), variable: w)
      .sum(total: state.session.grad(of: w)).all.map(\.text).dropFirst(2)
    let values = sum.map { Double($0.split(separator: " ")[1])! }
    #expect(values.count == steps)
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
  }
}
