import Autodiff
import Foundation
import GraphProgram
import Testing

/// Every program in `Assets/Examples` parses, runs, and backprop agrees with central differences.
@Suite struct ExampleTests {
  static let names = [
    "seed", "reuse", "diamond", "two_inputs", "neuron", "linear", "chain100", "wide", "rnn", "mlp",
    "generations", "retain_grad", "cleargrad", "double_backward", "softmax_ce", "attention", "rosenbrock",
    "newton", "regression", "xor_train",
  ]

  @Test func theExamplesAreExactlyTheOnesListed() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)
    #expect(files.filter { $0.hasSuffix(".grad") }.sorted() == Self.names.map { $0 + ".grad" }.sorted())
  }

  @Test(arguments: names) func beginsWithACommentSayingWhatItTeaches(name: String) throws {
    let firstLine = try example(name).split(separator: "\n", omittingEmptySubsequences: false)[0]
    #expect(firstLine.hasPrefix("# "))
    #expect(firstLine.count > 20)
  }

  @Test(arguments: names) func backpropAgreesWithTheGradientCheck(name: String) throws {
    let program = try Program.parse(try example(name))
    let check = gradientCheck(inputs: program.inputs.map(\.variable.data), program.rebuild(with:))
    #expect(check.passed, "max error \(check.maxAbsoluteError)")
    #expect(check.entries.count == program.inputs.map(\.variable.data.count).reduce(0, +))
  }

  @Test func seedGivesTheNotebooksGradientExactly() throws {
    let program = try Program.parse(try example("seed"))
    program.output.backward()
    #expect(program.inputs.map(\.name) == ["x"])
    #expect(program.inputs[0].variable.grad?.description == "3.297442541400256")
    #expect(program.output.data.description == "1.648721270700128")
    #expect(program.functionsInStatementOrder.map(\.name) == ["Square", "Exp", "Square"])
  }

  @Test func reuseAccumulatesEveryUse() throws {
    let program = try Program.parse(try example("reuse"))
    program.output.backward()
    #expect(program.variable(named: "x")?.grad == Tensor(7))
  }

  @Test func neuronMatchesMicrograd() throws {
    let program = try Program.parse(try example("neuron"))
    program.output.backward()
    #expect(abs(program.output.data.scalar! - 0.7071) < 1e-4)
    func grad(_ name: String) -> Double { program.variable(named: name)!.grad!.scalar! }
    #expect(abs(grad("x1") - -1.5) < 1e-9)
    #expect(abs(grad("w1") - 1.0) < 1e-9)
    #expect(abs(grad("x2") - 0.5) < 1e-9)
    #expect(abs(grad("w2") - 0.0) < 1e-9)
  }

  @Test func softmaxCrossEntropySendsTheLogitsPMinusTOverN() throws {
    let program = try Program.parse(try example("softmax_ce"))
    program.output.backward()
    let z = try #require(program.variable(named: "z"))
    let t = try #require(program.variable(named: "t")).data
    let p = try z.data.softmax(axis: 1)
    let expected = (p - t) / 2
    let grad = try #require(z.grad)
    #expect(zip(grad.scalars, expected.scalars).allSatisfy { abs($0 - $1) < 1e-15 }, "\(grad) vs \(expected)")
  }

  @Test func attentionRowsSumToOne() throws {
    let program = try Program.parse(try example("attention"))
    let rows = try #require(program.variable(named: "A")).data.sum(axes: [1])
    #expect(rows.scalars.allSatisfy { abs($0 - 1) < 1e-15 })
    #expect(program.functionsInStatementOrder.map(\.name).contains("Softmax"))
  }

  @Test func chain100HasAHundredFunctionsAndGradientOne() throws {
    let program = try Program.parse(try example("chain100"))
    #expect(program.functionsInStatementOrder.count == 100)
    program.output.backward()
    #expect(program.output.data == Tensor(0.5))
    #expect(program.inputs[0].variable.grad == Tensor(1))
  }

  @Test func wideSumsTwentyProducts() throws {
    let program = try Program.parse(try example("wide"))
    #expect(program.functionsInStatementOrder.filter { $0 is Mul }.count == 20)
    #expect(program.functionsInStatementOrder.filter { $0 is Add }.count == 19)
  }

  @Test func linearWorksOnTensors() throws {
    let program = try Program.parse(try example("linear"))
    #expect(program.variable(named: "W")?.shape == [2, 3])
    #expect(program.variable(named: "h")?.shape == [2])
    #expect(program.output.shape == [])
  }

  @Test func rnnSharesItsWeightsAcrossTwentySteps() throws {
    let program = try Program.parse(try example("rnn"))
    let functions = program.functionsInStatementOrder
    #expect(functions.count == 80)
    #expect(functions.filter { $0 is Tanh }.count == 20)
    let w = try #require(program.variable(named: "w"))
    #expect(functions.filter { $0 is Mul && $0.inputs.contains { $0 === w } }.count == 20)
    program.output.backward()
    // Backprop through time: w's grad sums one term per step, checked against central differences.
    let check = gradientCheck(inputs: program.inputs.map(\.variable.data), program.rebuild(with:))
    #expect(check.entries[0].backprop == w.grad!.scalar!)
    #expect(check.passed)
  }

  @Test func mlpIsTwoLayersWithAMeanSquaredErrorLoss() throws {
    let program = try Program.parse(try example("mlp"))
    #expect(program.variable(named: "X")?.shape == [4, 2])
    #expect(program.variable(named: "W1")?.shape == [2, 3])
    #expect(program.variable(named: "h")?.shape == [4, 3])
    #expect(program.variable(named: "p")?.shape == [4, 1])
    #expect(program.output.shape == [])
    #expect(program.functionsInStatementOrder.filter { $0 is MatMul }.count == 2)
    let p = program.variable(named: "p")!.data.scalars
    let targets = [0.0, 1, 1, 0]
    let mse = zip(p, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / 4
    #expect(abs(program.output.data.scalar! - mse) < 1e-15)
    program.output.backward()
    #expect(program.variable(named: "W1")?.grad?.shape == [2, 3])
    #expect(program.variable(named: "b1")?.grad?.shape == [3])
  }
}
