import Autodiff
import Foundation
import GraphProgram
import Testing

/// Every program in `Assets/Examples` parses, runs, and backprop agrees with central differences.
@Suite struct ExampleTests {
  static let names = ["seed", "reuse", "diamond", "two_inputs", "neuron", "linear", "chain100", "wide"]

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
}
