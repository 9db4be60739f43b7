import Testing

@testable import Autodiff

/// `Tape` replays a graph's passes in its own variables exactly as building it again would, and the
/// optimisers follow PyTorch's formulas.
@Suite struct TapeAndOptimizerTests {
  /// y = tanh(matmul(x, w) + b) summed, with an op of each kind (elementwise, binary, other).
  private func graph(_ x: Variable, _ w: Variable, _ b: Variable) -> (Variable, [Function]) {
    let product = MatMul()(x, w)
    let shifted = Add()(product, b)
    let squashed = Tanh()(shifted)
    let y = Sum(axes: nil, keepDims: false)(squashed)
    return (y, [product, shifted, squashed, y].map { $0.creator! })
  }

  @Test func replayingEqualsBuildingAgain() {
    let (x, w, b) = (
      Variable(Tensor([[0.5, -1.0]])), Variable(Tensor([[0.3], [0.7]])), Variable(Tensor([0.1]))
    )
    let (y, functions) = graph(x, w, b)
    let tape = Tape(output: y, functions: functions)
    w.data = Tensor([[-0.2], [0.4]])
    tape.forward()
    tape.backward()
    let (x2, w2, b2) = (Variable(x.data), Variable(w.data), Variable(b.data))
    let (fresh, _) = graph(x2, w2, b2)
    fresh.backward(retainGrad: false)
    #expect(y.data == fresh.data)
    #expect(w.grad == w2.grad)
    #expect(b.grad == b2.grad)
    #expect(x.grad == x2.grad)
    #expect(functions[0].outputs[0]?.grad == nil)  // intermediates freed, as retainGrad false
  }

  @Test func aSecondBackwardStartsFromNothing() {
    let x = Variable(3.0)
    let y = Square()(x)
    let tape = Tape(output: y, functions: [y.creator!])
    tape.backward()
    tape.backward()
    #expect(x.grad == Tensor(6))
  }

  @Test func sgdAndMomentumFollowPyTorch() {
    var sgd = SGD(learningRate: 0.1)
    #expect(sgd.step(parameters: [Tensor(1)], gradients: [Tensor(2)]) == [Tensor(1 - 0.1 * 2)])
    var momentum = Momentum(learningRate: 0.1, momentum: 0.9)
    let first = momentum.step(parameters: [Tensor(1)], gradients: [Tensor(2)])
    #expect(first == [Tensor(0.8)])  // the buffer starts as the gradient
    let second = momentum.step(parameters: first, gradients: [Tensor(1)])
    #expect(second == [Tensor(0.8 + -0.1 * (2 * 0.9 + 1))])
  }

  @Test func adamsFirstStepIsTheLearningRateTimesTheSign() {
    var adam = Adam(learningRate: 0.05)
    let next = adam.step(parameters: [Tensor([1, 1])], gradients: [Tensor([3, -0.5])])
    // m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε·…): lr in g's direction, up to ε.
    #expect(abs(next[0].scalars[0] - 0.95) < 1e-8)
    #expect(abs(next[0].scalars[1] - 1.05) < 1e-8)
    #expect(adam.stepCount == 1)
  }
}
