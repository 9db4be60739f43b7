import Autodiff
import Testing

@testable import Stepping
@testable import Visualizer

@Suite struct SessionTests {
  @Test func theSeedHasSevenStepsInTheRightOrder() {
    let session = Session(output: TestGraphs.seed())
    #expect(session.stepCount == 7)
    #expect(session.forwardEnd == 3)
    let kinds = session.steps.map(\.kind)
    #expect(
      kinds == [
        .forward(function: 0), .forward(function: 1), .forward(function: 2), .seed(variable: 3),
        .backward(function: 2), .backward(function: 1), .backward(function: 0),
      ])
    #expect(session.graph.variables.map(\.label) == ["x", "a", "b", "y"])
  }

  @Test func valuesAppearStepByStepAndDisappearWhenSteppingBack() {
    var session = Session(output: TestGraphs.seed())
    #expect(session.phase == .start)
    #expect(session.data(of: 0) == Tensor(0.5))
    #expect((1...3).allSatisfy { session.data(of: $0) == nil })
    #expect((0...3).allSatisfy { session.grad(of: $0) == nil })
    session.move(to: 3)
    #expect(session.phase == .forward)
    #expect(session.data(of: 3)?.description == "1.648721270700128")
    #expect(session.grad(of: 3) == nil)
    session.move(to: 4)
    #expect(session.phase == .seed)
    #expect(session.grad(of: 3) == Tensor(1))
    session.move(to: 7)
    #expect(session.phase == .done)
    #expect(session.grad(of: 0)?.description == "3.297442541400256")
    session.move(to: 1)
    #expect(session.data(of: 1) == Tensor(0.25))
    #expect(session.data(of: 2) == nil)
    #expect(session.grad(of: 0) == nil)
    session.move(to: 99)
    #expect(session.cursor == 7)
    session.move(to: -5)
    #expect(session.cursor == 0)
  }

  @Test func theGradientCheckMatchesTheSeed() {
    let session = Session(output: TestGraphs.seed())
    let entry = session.gradientCheck.entries[0]
    #expect(entry.backprop.description == "3.297442541400256")
    #expect(abs(entry.numerical - 3.297442541350115) < 1e-12)
    #expect(session.gradientCheck.passed)
  }

  @Test func theChainRuleOfExpReadsAsTheIssueWritesIt() {
    let session = Session(output: TestGraphs.seed())
    let rule = ChainRule(step: session.steps[5], in: session.graph)!
    #expect(rule.function == "Exp")
    #expect(
      rule.terms[0].clauses.joined(separator: " ")
        == "gx = exp(a)·gy = 1.2840254166877414 × 2.568050833375483 = 3.297442541400256")
    #expect(rule.terms[0].accumulation == "a.grad = 3.297442541400256")
  }

  @Test func aReusedVariableShowsItsAccumulation() {
    let session = Session(output: TestGraphs.branching())
    let rules = session.steps.compactMap { ChainRule(step: $0, in: session.graph) }
    let accumulations = rules.flatMap(\.terms).filter { $0.before != nil }.map(\.accumulation)
    #expect(accumulations.contains { $0.hasPrefix("x.grad = ") && $0.contains(" + ") })
    let x = session.graph.variables.firstIndex { $0.label == "x" }!
    var end = session
    end.move(to: end.stepCount)
    #expect(end.gradientCheck.passed)
    #expect(end.gradientCheck.entries.count == 2)
    #expect(end.grad(of: x) == Tensor(end.gradientCheck.entries[0].backprop))
  }

  @Test func steppingAcrossALargeGraphOnlyTouchesTheChangesCrossed() {
    var y = Variable(0.5, name: "x")
    for step in 0..<5_000 { y = step % 2 == 0 ? square(y) : sqrt(y) }
    var session = Session(output: y)
    #expect(session.stepCount == 10_001)
    session.move(to: session.stepCount)
    #expect(session.grad(of: 0) == Tensor(1))
    session.move(to: session.forwardEnd)
    #expect(session.grad(of: 0) == nil)
    #expect(session.data(of: session.graph.output) == Tensor(0.5))
  }
}
