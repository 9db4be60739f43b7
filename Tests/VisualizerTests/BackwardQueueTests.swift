import Autodiff
import Testing

@testable import Stepping
@testable import Visualizer

/// The backward pass's queue by generation, rebuilt for the current step: DeZero's step 16.
@Suite struct BackwardQueueTests {
  /// `a = x²`, `y = a² + a²`: the creator of `a` joins the queue early but must wait for the
  /// second `a²`, which has a higher generation.
  private func diamond() -> Session {
    let x = Variable(2.0, name: "x")
    let a = square(x)
    a.name = "a"
    let b = square(a)
    b.name = "b"
    let c = square(a)
    c.name = "c"
    let y = b + c
    y.name = "y"
    return Session(output: y)
  }

  @Test func theQueueAtEachBackwardStep() {
    var session = diamond()
    #expect(session.backwardQueue == nil)
    session.move(to: session.forwardEnd + 2)  // the first backward step: Add
    #expect(
      session.backwardQueue == BackwardQueue(buckets: [.init(generation: 2, functions: [3])], picked: 3))
    session.move(to: session.forwardEnd + 3)  // c's Square: both squares of a waited in generation 1
    #expect(
      session.backwardQueue == BackwardQueue(buckets: [.init(generation: 1, functions: [2, 1])], picked: 2))
    session.move(to: session.forwardEnd + 4)  // b's Square, picked before x's Square of generation 0
    #expect(
      session.backwardQueue
        == BackwardQueue(
          buckets: [.init(generation: 1, functions: [1]), .init(generation: 0, functions: [0])], picked: 1))
    session.move(to: session.forwardEnd + 5)
    #expect(
      session.backwardQueue == BackwardQueue(buckets: [.init(generation: 0, functions: [0])], picked: 0))
    #expect(session.grad(of: 0) == Tensor(64.0), "dy/dx = 2·2a·2x = 8x³")
  }
}

/// DeZero's `retain_grad=False`, shown rather than run: which gradients are freed at each step.
@Suite struct RetainGradTests {
  @Test func anIntermediateGradIsFreedOnceItsFunctionHasUsedIt() {
    var session = Session(output: TestGraphs.seed())  // x → a → b → y
    session.move(to: 4)  // the seed: y.grad = 1
    #expect(!(0...3).contains { session.gradIsFreed($0) })
    session.move(to: 5)  // y's Square has used y.grad
    #expect(session.gradIsFreed(3) && !session.gradIsFreed(2))
    session.move(to: 7)
    #expect(session.gradIsFreed(1) && session.gradIsFreed(2) && session.gradIsFreed(3))
    #expect(!session.gradIsFreed(0), "the input keeps its gradient")
    session.move(to: 2)
    #expect(!(0...3).contains { session.gradIsFreed($0) })
  }
}
