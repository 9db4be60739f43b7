import Autodiff
import Testing

/// A function with two outputs (used to test multi-output graphs): `(sin x, cos x)`.
final class SinCos: Function {
  override func forward(_ xs: [Tensor]) -> [Tensor] { [xs[0].map { _sin($0) }, xs[0].map { _cos($0) }] }
  override func backward(_ gys: [Tensor]) -> [Tensor] {
    let x = inputs[0].data
    return [x.map { _cos($0) } * gys[0] - x.map { _sin($0) } * gys[1]]
  }
}

private func _sin(_ x: Double) -> Double { sin(Variable(x)).data.scalar! }
private func _cos(_ x: Double) -> Double { cos(Variable(x)).data.scalar! }

@Suite struct GraphTests {
  @Test func aVariableUsedTwiceAccumulates() {
    let x = Variable(3.0)
    (x + x).backward()
    #expect(x.grad == Tensor(2))
    let z = Variable(3.0)
    (z * z + z * z).backward()
    #expect(z.grad == Tensor(12))
  }

  @Test func aDiamondSumsBothPaths() {
    let x = Variable(0.7)
    let a = square(x)
    let b = exp(x)
    let y = a * b
    y.backward()
    let expected = 2 * 0.7 * b.data.scalar! + a.data.scalar! * b.data.scalar!
    #expect(abs(x.grad!.scalar! - expected) < 1e-15)
  }

  @Test func aMultiOutputFunctionGetsBothOutputGradients() {
    let x = Variable(0.3)
    let outputs = SinCos()([x])
    let y = outputs[0] * outputs[1]
    y.backward()
    #expect(abs(x.grad!.scalar! - cos(Variable(0.6)).data.scalar!) < 1e-12)
    #expect(outputs[0].generation == 1)
  }

  @Test func anUnusedOutputContributesZero() {
    let x = Variable(0.3)
    let outputs = SinCos()([x])
    outputs[1].backward()
    #expect(abs(x.grad!.scalar! + sin(Variable(0.3)).data.scalar!) < 1e-15)
  }

  @Test func backwardPassRunsOneFunctionPerStepAndReportsAccumulation() {
    let x = Variable(2.0, name: "x")
    let a = square(x)
    let y = a + x
    var pass = BackwardPass(from: y)
    #expect(y.grad == Tensor(1))
    let first = pass.next()!
    #expect(first.function is Add)
    #expect(first.outputGrads == [Tensor(1)])
    #expect(first.inputGrads == [Tensor(1), Tensor(1)])
    #expect(first.inputGradsBefore == [nil, nil])
    let second = pass.next()!
    #expect(second.function is Square)
    #expect(second.inputGrads == [Tensor(4)])
    #expect(second.inputGradsBefore == [Tensor(1)])
    #expect(second.inputGradsAfter == [Tensor(5)])
    #expect(pass.next() == nil)
    #expect(pass.isFinished)
  }

  @Test func functionsAreVisitedInGenerationOrder() {
    // y = x² + exp(x)²: the Add must run only after both branches' gradients meet.
    let x = Variable(0.2)
    let y = square(x) + square(exp(x))
    var pass = BackwardPass(from: y)
    var names = [String]()
    while let step = pass.next() { names.append(step.function.name) }
    #expect(names.first == "Add")
    #expect(names.last == "Square" || names.last == "Exp")
    #expect(names.count == 4)
  }

  @Test func retainGradFalseFreesIntermediateGradsOnly() {
    let x = Variable(0.5)
    let a = square(x)
    let y = exp(a)
    y.backward(retainGrad: false)
    #expect(a.grad == nil)
    #expect(y.grad == nil)
    #expect(x.grad != nil)
  }

  @Test func cleargradStartsOver() {
    let x = Variable(2.0)
    square(x).backward()
    x.cleargrad()
    #expect(x.grad == nil)
    square(x).backward()
    #expect(x.grad == Tensor(4))
  }

  @Test func aMillionFunctionChainRunsWithoutRecursion() {
    var y = Variable(0.5)
    let x = y
    for step in 0..<1_000_000 { y = step % 2 == 0 ? square(y) : sqrt(y) }
    #expect(y.data == Tensor(0.5))
    y.backward()
    #expect(x.grad == Tensor(1.0))
    #expect(y.generation == 1_000_000)
  }

  @Test func aGraphIsFreedWhenItsLastVariableGoes() {
    weak var intermediate: Variable?
    weak var function: Function?
    do {
      let x = Variable(0.5)
      let a = square(x)
      let y = exp(a)
      intermediate = a
      function = y.creator
      y.backward()
    }
    #expect(intermediate == nil)
    #expect(function == nil)
  }

  @Test func aLongChainIsFreedWithoutOverflowingTheStack() {
    weak var leaf: Variable?
    do {
      var y = Variable(0.5)
      leaf = y
      for _ in 0..<300_000 { y = neg(y) }
    }
    #expect(leaf == nil)
  }

  @Test func wideFanOutGivesExactCounts() {
    let x = Variable(0.5)
    var y = x * x
    for _ in 1..<10_000 { y = y + x * x }
    y.backward()
    #expect(x.grad == Tensor(10_000))
  }

  @Test func computationGraphListsFunctionsInEvaluationOrder() {
    let x = Variable(0.5, name: "x")
    let a = square(x)
    let b = exp(a)
    let y = square(b)
    let graph = ComputationGraph(output: y)
    #expect(graph.functions.map(\.name) == ["Square", "Exp", "Square"])
    #expect(graph.variables.map { ObjectIdentifier($0) } == [x, a, b, y].map { ObjectIdentifier($0) })
  }

  @Test func operatorsWithConstantsAndTheirFormulas() {
    let x = Variable(3.0, name: "x")
    let y = 2 * x - 1 + x / 4
    y.backward()
    #expect(y.data == Tensor(5.75))
    #expect(x.grad == Tensor(2.25))
    let e = Exp()
    _ = e(Variable(0.25))
    #expect(e.gradientFormula(input: 0, names: ["a"]) == "exp(a)·gy")
    #expect(e.gradientFactors(input: 0, outputGrads: [Tensor(2)])?.count == 2)
    #expect(Square().gradientFormula(input: 0, names: ["x"]) == "2·x·gy")
  }
}

@Suite struct GraphGradientCheckTests {
  @Test func checkingAnExistingGraphReproducesTheSeedNumbers() {
    let x = Variable(0.5, name: "x")
    let y = square(exp(square(x)))
    y.backward()
    let check = gradientCheck(of: y, inputs: [x])
    #expect(check.entries.count == 1)
    #expect(check.entries[0].backprop == 3.297442541400256)
    #expect(abs(check.entries[0].numerical - 3.297442541350115) < 1e-12)
    #expect(check.passed)
    #expect(y.data == Tensor(1.648721270700128))
  }

  @Test func checkingAGraphWithTensorInputsHonoursTheLimit() {
    let w = Variable(Tensor([[1, 2], [3, 4]]))
    let v = Variable(Tensor([0.5, -0.25]))
    let y = sum(tanh(matmul(w, v)))
    y.backward()
    #expect(gradientCheck(of: y, inputs: [w, v]).passed)
    #expect(gradientCheck(of: y, inputs: [w, v], limit: 3).entries.count == 3)
  }
}
