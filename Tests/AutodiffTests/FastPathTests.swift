import Autodiff
import Testing

/// The allocation-free paths (inline scalars, outputs cleared by their variables, one-slot pending
/// functions) behave exactly as the general ones.
@Suite struct FastPathTests {
  @Test func aFreedOutputReadsAsNil() {
    let x = Variable(0.5)
    let function = Square()
    do {
      let y = function(x)
      #expect(function.outputs.count == 1)
      #expect(function.outputs[0] === y)
    }
    #expect(function.outputCount == 1)
    #expect(function.outputs.count == 1)
    #expect(function.outputs[0] == nil)
    #expect(function.outputShapesProduced == [[]])
    #expect(function.inputs[0] === x)
  }

  @Test func aFreedSecondOutputReadsAsNilWhileTheFirstLives() {
    let x = Variable(0.3)
    let function = SinCos()
    var outputs: [Variable]? = function([x])
    let first = outputs![0]
    outputs = nil
    #expect(function.outputs[0] === first)
    #expect(function.outputs[1] == nil)
    first.backward()
    #expect(abs(x.grad!.scalar! - cos(Variable(0.3)).data.scalar!) < 1e-15)
  }

  @Test func scalarsAndOneElementTensorsKeepTheirShapes() throws {
    #expect(Tensor(0.5) + Tensor(0.25) == Tensor(0.75))
    #expect((Tensor([2]) * Tensor(3)).shape == [1])
    #expect(Tensor([2]) * Tensor(3) == Tensor([6]))
    #expect(Tensor(shape: [], scalars: [4]) == Tensor(4))
    #expect(Tensor(shape: [1, 1], scalars: [4]) != Tensor(4))
    #expect(Tensor([7]).scalar == 7)
    #expect(Tensor([7]).scalars == [7])
    #expect(Tensor(7).scalars == [7])
    #expect(Tensor(shape: [0], scalars: []).count == 0)
    #expect(try Tensor([5]).reshaped([]) == Tensor(5))
  }

  @Test func binaryCallsBroadcastAndSumBack() {
    let a = Variable(Tensor(shape: [2, 1], scalars: [1, 2]))
    let b = Variable(Tensor([10, 20, 30]))
    let y = a * b
    #expect(y.shape == [2, 3])
    sum(y).backward()
    #expect(a.grad == Tensor(shape: [2, 1], scalars: [60, 60]))
    #expect(b.grad == Tensor([3, 3, 3]))
  }

  @Test func aSecondPassOverTheSameGraphSchedulesEveryFunctionAgain() {
    let x = Variable(0.5)
    let y = square(exp(square(x)))
    y.backward(retainGrad: false)
    y.backward(retainGrad: false)
    #expect(x.grad == Tensor(2 * 3.297442541400256))
  }

  @Test func aFunctionVisitedFromTwoConsumersRunsOnce() {
    let x = Variable(0.5)
    let a = exp(x)
    let y = square(a) + square(a) * a
    var pass = BackwardPass(from: y)
    var names = [String]()
    while let step = pass.next() { names.append(step.function.name) }
    #expect(names.filter { $0 == "Exp" }.count == 1)
    #expect(names.count == 5)
  }
}
