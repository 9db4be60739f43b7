import Autodiff
import Testing

/// The graph a recording backward pass builds is freed with its output: gradient variables refer
/// to the variables they are gradients of, which refer back only weakly.
@Suite struct CreateGraphFreeingTests {
  @Test func theBackwardGraphIsFreedWithTheForwardOne() {
    weak var leaf: Variable?
    weak var intermediate: Variable?
    weak var gradient: Variable?
    weak var gradientCreator: Function?
    do {
      let x = Variable(0.5)
      let a = square(x)
      let y = square(exp(a))
      y.backward(createGraph: true)
      leaf = x
      intermediate = a
      gradient = x.gradVariable
      gradientCreator = x.gradVariable?.creator
      #expect(gradient != nil && gradientCreator != nil)
    }
    #expect(leaf == nil)
    #expect(intermediate == nil)
    #expect(gradient == nil)
    #expect(gradientCreator == nil)
  }

  @Test func gradientsOfGradientsAreFreed() {
    weak var leaf: Variable?
    weak var first: Variable?
    weak var second: Variable?
    do {
      let x = Variable(0.8)
      leaf = x
      let d1 = grad(tanh(x) * x, x, createGraph: true)
      let d2 = grad(d1, x, createGraph: true)
      let d3 = grad(d2, x)
      first = d1
      second = d2
      #expect(d3.data.scalar != nil)
    }
    #expect(leaf == nil)
    #expect(first == nil)
    #expect(second == nil)
  }

  @Test func aGradientVariableLivesAsLongAsThePassOutputOrAHolder() {
    let x = Variable(3.0)
    var held: Variable?
    do {
      let y = square(x)
      y.backward(createGraph: true)
      held = x.gradVariable
    }
    #expect(held != nil && x.gradVariable === held)
    held = nil
    #expect(x.gradVariable == nil)
    #expect(x.grad == Tensor(6))
    // An output nobody holds owns its backward graph only for the statement: the gradient stays.
    square(x).backward(createGraph: true)
    #expect(x.gradVariable == nil)
    #expect(x.grad == Tensor(12))
  }

  @Test func aSteppedPassLeftHalfwayFreesEverything() {
    weak var leaf: Variable?
    weak var gradient: Variable?
    do {
      let x = Variable(0.5)
      leaf = x
      let y = sin(cos(x))
      var pass = BackwardPass(from: y, createGraph: true)
      gradient = pass.next()?.recorded?.inputGradsAfter[0]
      #expect(gradient != nil)
    }
    #expect(leaf == nil)
    #expect(gradient == nil)
  }

  @Test func aLongChainRecordsDifferentiatesAndFreesWithoutRecursion() {
    weak var leaf: Variable?
    do {
      let x = Variable(0.5)
      leaf = x
      var y = x
      for _ in 0..<100_000 { y = sin(y) }
      let d1 = grad(y, x, createGraph: true)
      let d2 = grad(d1, x)
      #expect(d1.data.scalar!.isFinite && d2.data.scalar!.isFinite)
    }
    #expect(leaf == nil)
  }
}
