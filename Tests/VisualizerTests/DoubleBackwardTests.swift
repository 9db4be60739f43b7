import Autodiff
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// A program's `g = grad(y, x)`: the recorded backward pass is part of the graph, marked as such,
/// and the timeline computes it forward and then differentiates it.
@Suite struct DoubleBackwardTests {
  private func session() throws -> Session {
    Session(program: try ExampleTests.program("double_backward"))
  }

  @Test func theBackwardFunctionsAreGraphNodesMarkedWithWhereTheyComeFrom() throws {
    let graph = try session().graph
    let forward = graph.functions.filter { $0.derivation == nil }
    let backward = graph.functions.filter { $0.derivation != nil }
    #expect(forward.map(\.label) == ["Pow^4", "Pow^2", "Mul", "Sub"])
    #expect(!backward.isEmpty)
    #expect(backward.allSatisfy { $0.label.hasPrefix("∂" + $0.function.name) })
    #expect(backward.contains { $0.derivation == "Pow's backward in g = grad(y, x)" })
    #expect(backward.contains { $0.derivation!.hasSuffix("in g2 = grad(g, x)") })
  }

  @Test func theTimelineComputesTheGradientsForwardThenDifferentiatesTheLast() throws {
    var session = try session()
    let g = try #require(session.graph.variables.firstIndex { $0.label == "g" })
    let g2 = session.graph.output
    #expect(session.graph.variables[g2].label == "g2")
    session.move(to: session.forwardEnd)
    #expect(session.data(of: g) == Tensor(24))
    #expect(session.data(of: g2) == Tensor(44))
    session.move(to: session.stepCount)
    #expect(session.grad(of: 0) == Tensor(48), "y‴ = 24x at 2")
    #expect(session.gradientCheck.passed)
  }

  @Test func theInspectorSaysWhichBackwardRecordedAFunction() throws {
    var state = AppState(session: try session(), title: "double_backward.grad")
    for _ in 0..<5 { state.update(.next) }
    let text = InspectorView(state: state, width: 80).lines().map { $0.runs.map(\.text).joined() }.joined(
      separator: "\n")
    #expect(text.contains("Forward · ∂"))
    #expect(text.contains("recorded by "))
  }
}
