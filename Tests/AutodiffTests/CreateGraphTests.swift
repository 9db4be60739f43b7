import Autodiff
import Foundation
import Testing

/// A backward pass with `createGraph: true`: gradients as variables, the pass's own functions
/// recorded step by step, accumulation as recorded `Add`s, and the backward graph freed.
@Suite struct CreateGraphTests {
  @Test func eachGradientIsAVariableWithTheSameData() throws {
    let x = Variable(0.5, name: "x")
    let a = square(x)
    let b = exp(a)
    let y = square(b)
    y.backward(createGraph: true)
    #expect(x.grad == Tensor(3.297442541400256))
    for variable in [x, a, b, y] {
      let gradient = try #require(variable.gradVariable)
      #expect(gradient.data == variable.grad)
    }
    #expect(y.gradVariable?.creator == nil)
    #expect(x.gradVariable?.creator is Mul)
  }

  @Test func steppingShowsTheFunctionsEachStepRecords() throws {
    let x = Variable(3.0, name: "x")
    let y = square(x)
    var pass = BackwardPass(from: y, createGraph: true)
    let next = pass.next()
    let step = try #require(next)
    #expect(step.function is Square)
    #expect(step.inputGrads == [Tensor(6)])
    let recorded = try #require(step.recorded)
    #expect(recorded.outputGrads.count == 1 && recorded.outputGrads[0] === y.gradVariable)
    #expect(recorded.functions.map(\.name) == ["Mul", "Mul"])
    #expect(recorded.functions.last === recorded.inputGrads[0].creator)
    #expect(recorded.inputGradsAfter[0] === x.gradVariable)
    #expect(pass.next() == nil)

    // Stepping the pass over the recorded graph differentiates it: d(2·x·gy)/dx = 2·gy = 2.
    x.cleargrad()
    var second = BackwardPass(from: recorded.inputGrads[0])
    var names = [String]()
    while let step = second.next() {
      names.append(step.function.name)
      #expect(step.recorded == nil)
    }
    #expect(names == ["Mul", "Mul"])
    #expect(x.grad == Tensor(2))
  }

  @Test func accumulationIsARecordedAdd() throws {
    let x = Variable(3.0, name: "x")
    let y = x * x
    var pass = BackwardPass(from: y, createGraph: true)
    let next = pass.next()
    let step = try #require(next)
    let recorded = try #require(step.recorded)
    #expect(recorded.functions.map(\.name) == ["Mul", "Mul", "Add"])
    #expect(step.inputGradsBefore == [nil, Tensor(3)])
    #expect(step.inputGradsAfter == [Tensor(3), Tensor(6)])
    #expect(recorded.inputGradsAfter[1].creator is Add)
    #expect(recorded.inputGradsAfter[1] === x.gradVariable)
    #expect(grad(x.gradVariable!, x).data == Tensor(2))
  }

  @Test func addPassesItsGradientOnAndRecordsNothing() throws {
    let x = Variable(1.0)
    let z = Variable(2.0)
    var pass = BackwardPass(from: x + z, createGraph: true)
    let step = pass.next()
    let recorded = try #require(step?.recorded)
    #expect(recorded.functions.isEmpty)
    #expect(x.gradVariable === recorded.outputGrads[0] && z.gradVariable === recorded.outputGrads[0])
  }

  @Test func aPassInsideNoGradStillRecordsWhenAskedTo() {
    let x = Variable(2.0)
    let y = square(square(x))
    withNoGrad { y.backward(createGraph: true) }
    #expect(x.gradVariable?.creator != nil)
    #expect(grad(x.gradVariable!, x).data == Tensor(48))
  }

  @Test func retainGradFalseFreesIntermediateGradsWithTheGraphToo() {
    let x = Variable(0.5)
    let a = square(x)
    let b = exp(a)
    let y = square(b)
    y.backward(retainGrad: false, createGraph: true)
    for intermediate in [a, b, y] {
      #expect(intermediate.grad == nil)
      #expect(intermediate.gradVariable == nil)
    }
    #expect(x.grad == Tensor(3.297442541400256))
    #expect(x.gradVariable != nil)
  }

  @Test(arguments: [false, true])
  func backwardTwiceWithoutCleargradDoublesTheLeafGradients(createGraph: Bool) {
    let x = Variable(0.5)
    let y = square(exp(square(x)))
    y.backward(retainGrad: false, createGraph: createGraph)
    y.backward(retainGrad: false, createGraph: createGraph)
    #expect(x.grad == Tensor(2 * 3.297442541400256))
    #expect(!gradientCheck(of: y, inputs: [x]).passed)
    #expect((x.gradVariable?.creator is Add) == createGraph)
    x.cleargrad()
    y.backward(retainGrad: false, createGraph: createGraph)
    #expect(x.grad == Tensor(3.297442541400256))
    #expect(gradientCheck(of: y, inputs: [x]).passed)
  }

  @Test func withRetainGradTrueASecondPassAlsoAddsTheKeptIntermediateGrads() {
    // As in DeZero: y keeps its grad (so is not seeded again), b's grad doubles, a's triples, and
    // x's becomes four times the first; `grad(_:_:)` clears the intermediates first.
    let x = Variable(0.5)
    let y = square(exp(square(x)))
    y.backward()
    y.backward()
    #expect(x.grad == Tensor(4 * 3.297442541400256))
    #expect(grad(y, x).data == Tensor(3.297442541400256))
  }

  @Test func aPlainPassAfterARecordingOneForgetsTheStaleGradVariable() {
    let x = Variable(2.0)
    let y = square(x)
    y.backward(createGraph: true)
    #expect(x.gradVariable != nil)
    y.backward()
    #expect(x.grad == Tensor(8))
    #expect(x.gradVariable == nil)
    x.grad = Tensor(1)
    #expect(x.gradVariable == nil)
  }

  @Test func aRecordingPassAfterAPlainOneAddsToTheOldGradientAsALeaf() throws {
    let x = Variable(2.0)
    let y = square(x)
    y.backward()
    y.backward(createGraph: true)
    let gradient = try #require(x.gradVariable)
    #expect(gradient.data == Tensor(8))
    let add = try #require(gradient.creator as? Add)
    #expect(add.inputs[0].creator == nil && add.inputs[0].data == Tensor(4))
  }

  @Test func aMultiOutputFunctionWithoutAVariableBackwardStillWorksWithoutCreateGraph() {
    let x = Variable(0.3)
    let outputs = SinCos()([x])
    (outputs[0] * outputs[1]).backward()
    #expect(abs(x.grad!.scalar! - Foundation.cos(0.6)) < 1e-12)
  }
}

/// `(sin x, cos x)` with a backward on variables too, for multi-output functions under createGraph.
final class SinCosOnVariables: Function {
  override func forward(_ xs: [Tensor]) -> [Tensor] {
    [sin(Variable(xs[0])).data, cos(Variable(xs[0])).data]
  }
  override func backward(_ gys: [Tensor]) -> [Tensor] {
    let x = Variable(inputs[0].data)
    return [cos(x).data * gys[0] - sin(x).data * gys[1]]
  }
  override func backward(_ gys: [Variable]) -> [Variable] {
    let x = inputs[0]
    return [cos(x) * gys[0] - sin(x) * gys[1]]
  }
}

extension CreateGraphTests {
  @Test func aMultiOutputFunctionGetsZerosForAnUnusedOutput() {
    let x = Variable(0.3)
    let outputs = SinCosOnVariables()([x])
    let d1 = grad(outputs[1], x, createGraph: true)
    #expect(abs(d1.data.scalar! + Foundation.sin(0.3)) < 1e-15)
    #expect(abs(grad(d1, x).data.scalar! + Foundation.cos(0.3)) < 1e-15)
    let both = outputs[0] * outputs[1]
    #expect(abs(grad(grad(both, x, createGraph: true), x).data.scalar! + 2 * Foundation.sin(0.6)) < 1e-14)
  }

  @Test func namesAndGradientVariablesLiveSideBySide() {
    let x = Variable(2.0, name: "x")
    let y = square(x)
    #expect(y.name == nil)
    y.name = "y"
    y.backward(createGraph: true)
    #expect(x.name == "x" && y.name == "y")
    x.name = nil
    #expect(x.name == nil)
    #expect(x.gradVariable?.data == Tensor(4))
    x.cleargrad()
    #expect(x.gradVariable == nil && x.grad == nil)
    x.name = "x again"
    #expect(x.name == "x again")
  }
}

extension CreateGraphTests {
  @Test func theBackwardGraphOfTheSeedBesideTheForwardOne() throws {
    // What a screen draws beside the forward graph: the walk from x's gradient that stops at the
    // forward variables.
    let x = Variable(0.5, name: "x")
    let a = square(x)
    let b = exp(a)
    let y = square(b)
    y.backward(createGraph: true)
    let gx = try #require(x.gradVariable)
    let backwardGraph = ComputationGraph(outputs: [gx], stoppingAt: [x, a, b, y])
    #expect(backwardGraph.functions.map(\.name) == ["Mul", "Exp", "Mul", "Mul", "Mul", "Mul"])
    #expect(backwardGraph.variables.contains { $0 === y.gradVariable })
    #expect(ComputationGraph(output: y).functions.count == 3)
  }
}
