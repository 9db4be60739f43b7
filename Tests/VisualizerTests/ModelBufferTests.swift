import Autodiff
import Foundation
import ModelImport
import Stepping
import Testing

/// BatchNorm's running statistics are buffers, as in PyTorch: shown in the graph with their values,
/// but not parameters, and no backward step gives them (or what is computed from them alone, such
/// as `running_var + eps`) a gradient; the parameters' gradients still equal PyTorch's.
@Suite struct ModelBufferTests {
  static let fixtures = GradientFlowTests.repository.appendingPathComponent("Tests/ModelImportTests/Fixtures")
  static let buffers = ["norm.running_mean", "norm.running_var"]

  /// The batchnorm_mlp fixture's session at its last step, as `gradstep` builds it, with the
  /// PyTorch float64 gradients stored beside the model.
  private func session() throws -> (Session, ImportedModel, [String: [Double]]) {
    let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("batchnorm_mlp.onnx")))
    let json = try Data(contentsOf: Self.fixtures.appendingPathComponent("batchnorm_mlp.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let x = try #require((object["inputs"] as? [String: [[Double]]])?["x"])
    let grads = try #require(object["grads"] as? [String: [Double]])
    let model = try ModelImporter.load(
      bytes: bytes, name: "batchnorm_mlp.onnx",
      options: ImportOptions(inputValues: [
        "x": Tensor(shape: [x.count, x[0].count], scalars: x.flatMap { $0 })
      ]))
    var session = Session(
      output: model.loss, functionOrder: model.functionOrder, inputs: model.inputs + model.parameters,
      origins: model.origins, constantsTakeNoGradient: true)
    session.move(to: session.stepCount)
    return (session, model, grads)
  }

  @Test func theParametersAreExactlyPyTorchs() throws {
    let (session, model, grads) = try session()
    let parameters = ["l1.weight", "l1.bias", "norm.weight", "norm.bias", "l2.weight", "l2.bias"]
    #expect(model.parameters.map(\.name) == parameters)
    #expect(Set(parameters + ["x"]) == Set(grads.keys))
    #expect(GradientFlow(session: session).rows.map(\.name) == ["x"] + parameters)
    for name in ["x"] + parameters {
      let index = try #require(session.graph.variables.firstIndex { $0.label == name })
      let actual = try #require(session.grad(of: index), "no gradient for \(name)").scalars
      let expected = try #require(grads[name])
      let scale = expected.map(abs).max() ?? 1
      #expect(zip(actual, expected).allSatisfy { abs($0 - $1) <= 1e-5 * scale }, "gradient of \(name)")
    }
  }

  @Test func runningStatisticsAreShownWithTheirValuesAndTakeNoGradient() throws {
    let (session, _, _) = try session()
    let graph = session.graph
    let buffers = try Self.buffers.map { name in try #require(graph.variables.firstIndex { $0.label == name })
    }
    for index in buffers {
      #expect(session.data(of: index)?.shape == [6])
      #expect(session.grad(of: index) == nil)
      #expect(graph.gradientFree.contains(index))
    }
    // running_var + eps and its square root are computed from buffers and constants alone.
    let sqrt = try #require(graph.functions.first { $0.function is Sqrt })
    #expect(graph.gradientFree.isSuperset(of: sqrt.inputs + sqrt.outputs))
    let sqrtIndex = try #require(graph.functions.firstIndex { $0.function is Sqrt })
    #expect(!session.steps.contains { $0.kind == .backward(function: sqrtIndex) })
    let gradChanges = session.steps.flatMap(\.changes).filter { $0.field == .grad }
    #expect(!gradChanges.isEmpty)
    #expect(gradChanges.allSatisfy { !graph.gradientFree.contains($0.variable) })
    let subtraction = try #require(graph.functions.firstIndex { $0.inputs.contains(buffers[0]) })
    let step = try #require(session.steps.first { $0.kind == .backward(function: subtraction) })
    #expect(
      ChainRule(step: step, in: graph)?.terms.map(\.input) == [
        graph.variables[graph.functions[subtraction].inputs[0]].label
      ])
  }

  @Test func aProgramsConstantsStillTakeGradients() throws {
    let x = Variable(Tensor(3), name: "x")
    let c = Variable(Tensor(2), name: "c")
    let y = x * c
    var model = Session(output: y, inputs: [x], constantsTakeNoGradient: true)
    var program = Session(output: y, inputs: [x])
    model.move(to: model.stepCount)
    program.move(to: program.stepCount)
    let constant = try #require(model.graph.index(of: c))
    #expect(model.grad(of: constant) == nil)
    #expect(program.grad(of: constant) == Tensor(3))
    #expect(model.grad(of: try #require(model.graph.index(of: x))) == Tensor(2))
  }
}
