import Autodiff
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// `backward` twice and `cleargrad` (DeZero's step 18): the second pass adds to the leaves'
/// gradients, its gradient check fails, `cleargrad` clears everything, and the next pass passes.
@Suite struct RepeatedBackwardTests {
  private let seedGrad = 3.297442541400256

  private func session() throws -> Session {
    Session(program: try ExampleTests.program("cleargrad"))
  }

  @Test func theTimelineRunsEachActionInOrder() throws {
    let session = try session()
    let kinds = session.steps.map { step -> String in
      switch step.kind {
      case .forward: "f"
      case .seed: "s"
      case .backward: "b"
      case .cleargrad: "c"
      }
    }
    #expect(kinds.joined() == "fffsbbbsbbbcsbbb")
    let passes: [Int] = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3]
    #expect(session.steps.map(\.pass) == passes)
    #expect(session.passCount == 3)
  }

  @Test func theSecondPassDoublesTheLeafAndItsCheckFails() throws {
    var session = try session()
    session.move(to: 7)
    let first = try #require(session.gradientCheckAtCursor)
    #expect(first.passed)
    #expect(session.grad(of: 0) == Tensor(seedGrad))
    session.move(to: 8)
    #expect(session.phase == .seed)
    #expect(session.grad(of: 1) == nil, "the first pass freed a.grad")
    #expect(session.grad(of: 0) == Tensor(seedGrad), "the leaf kept its gradient")
    #expect(session.gradientCheckAtCursor == nil)
    session.move(to: 11)
    let accumulation = try #require(session.currentStep?.changes.first)
    #expect(accumulation.old == Tensor(seedGrad))
    #expect(accumulation.new == Tensor(2 * seedGrad))
    let second = try #require(session.gradientCheckAtCursor)
    #expect(!second.passed)
    #expect(second.entries[0].backprop == 2 * seedGrad)
    #expect(abs(second.entries[0].numerical - seedGrad) < 1e-9)
    #expect(session.accumulatedPasses == 2)
  }

  @Test func cleargradClearsEveryGradientAndTheNextPassPasses() throws {
    var session = try session()
    session.move(to: 12)
    #expect(session.phase == .cleargrad)
    #expect(session.graph.variables.indices.allSatisfy { session.grad(of: $0) == nil })
    #expect(session.accumulatedPasses == 0)
    session.move(to: session.stepCount)
    #expect(session.phase == .done)
    #expect(session.grad(of: 0) == Tensor(seedGrad))
    #expect(try #require(session.gradientCheckAtCursor).passed)
    #expect(session.gradientCheck.passed)
    session.move(to: 11)
    #expect(session.grad(of: 0) == Tensor(2 * seedGrad), "moving back restores the accumulated gradient")
  }

  private func inspectorText(_ state: AppState) -> String {
    InspectorView(state: state, width: 80).lines().map { $0.runs.map(\.text).joined() }.joined(
      separator: "\n")
  }

  @Test func theInspectorShowsTheAccumulationTheFailureAndWhy() throws {
    var state = AppState(session: try session(), title: "cleargrad.grad")
    for _ in 0..<8 { state.update(.next) }
    let seed = inspectorText(state)
    #expect(seed.contains("Seed · pass 2"))
    #expect(seed.contains("without cleargrad"))
    for _ in 0..<3 { state.update(.next) }
    let check = inspectorText(state)
    #expect(check.contains("✗ FAIL"))
    #expect(check.contains("backprop is the sum of 2 backward passes"))
    #expect(check.contains("x.grad = 3.297442541400256 + 3.297442541400256 = 6.594885082800512"))
    #expect(StateJSON.encode(state).contains("\"passed\": false"))
    state.update(.next)
    let clearing = inspectorText(state)
    #expect(clearing.contains("Cleargrad"))
    #expect(clearing.contains("x.grad = 6.594885082800512 → —"))
  }

  @Test func anEditKeepsThePassesAndTheCursor() throws {
    var session = try session()
    session.move(to: 11)
    let edited = try session.editing(0, to: "0.7")
    #expect(edited.actions == session.actions)
    #expect(edited.cursor == 11)
    #expect(try #require(edited.gradientCheckAtCursor).passed == false)
    #expect(edited.gradientCheck.passed)
  }
}
