import Autodiff
import Foundation
import GraphProgram
import ModelImport
import Stepping
import Testing
import Visualizer

/// The gradient-flow view (`w`) and the jump to the first nan/inf (`!`): a deep sigmoid MLP whose
/// first layers' gradients vanish, and attention fed a huge input, whose first nan is found.
@Suite struct GradientFlowTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  private func app(_ path: String, inputs: [String: Tensor] = [:]) throws -> App {
    let bytes = [UInt8](try Data(contentsOf: Self.repository.appendingPathComponent(path)))
    let name = String(path.split(separator: "/").last!)
    let model = try ModelImporter.load(bytes: bytes, name: name, options: ImportOptions(inputValues: inputs))
    let session = Session(
      output: model.loss, functionOrder: model.functionOrder, inputs: model.inputs + model.parameters,
      origins: model.origins, constantsTakeNoGradient: true)
    return App(state: AppState(session: session, title: name, notes: model.notes), screen: Screen())
  }

  @Test func theFirstLayersOfADeepSigmoidMLPVanish() throws {
    var app = try app("Assets/Examples/deep_sigmoid.onnx")
    _ = app.handle(.character("b"), columns: 100, rows: 30)
    let flow = GradientFlow(session: app.state.session)
    #expect(flow.rows.map(\.name).prefix(3) == ["x", "layers.0.weight", "layers.0.bias"])
    #expect(flow.rows.first { $0.name == "layers.0.weight" }?.mark == .vanishing)
    #expect(flow.rows.first { $0.name == "out.weight" }?.mark == GradientFlow.Mark.none)
    #expect(flow.firstNonFinite == nil)
    var run = HeadlessRun(app: app, columns: 100, rows: 30)
    assertSnapshot(
      run.finalFrame(keys: [.character("w")]).plainText(), named: "gradient-flow-deep-sigmoid-100x30")
    var small = HeadlessRun(app: app, columns: 80, rows: 24)
    assertSnapshot(
      small.finalFrame(keys: [.character("w"), .character("]"), .character("]")]).plainText(),
      named: "gradient-flow-deep-sigmoid-scrolled-80x24")
  }

  @Test func beforeBackwardThereAreNoGradientsYet() throws {
    let flow = GradientFlow(session: try app("Assets/Examples/deep_sigmoid.onnx").state.session)
    #expect(flow.rows.allSatisfy { $0.gradNorm == nil && $0.mark == .none })
  }

  @Test func aHugeInputsFirstNaNIsOneKeyAway() throws {
    let row = [Double](repeating: 1e200, count: 8)
    let x = Tensor(shape: [1, 3, 8], scalars: row + row + row)
    var app = try app("Tests/ModelImportTests/Fixtures/attention.onnx", inputs: ["x": x])
    let first = try #require(GradientFlow(session: app.state.session).firstNonFinite)
    #expect(first.description.hasPrefix("forward BatchMatMul set "))
    _ = app.handle(.character("!"), columns: 100, rows: 30)
    #expect(app.state.session.cursor == first.step)
    #expect(app.state.status == "step \(first.step): \(first.description)")
    var run = HeadlessRun(app: app, columns: 100, rows: 30)
    assertSnapshot(
      run.finalFrame(keys: [.character("w")]).plainText(), named: "gradient-flow-first-nan-100x30")
  }

  @Test func withoutANaNTheJumpSaysSo() throws {
    var app = try app("Assets/Examples/deep_sigmoid.onnx")
    _ = app.handle(.character("!"), columns: 80, rows: 24)
    #expect(app.state.session.cursor == 0)
    #expect(app.state.status == "no step produced a nan or an infinity")
  }

  @Test func theJSONHasAGradientsSection() throws {
    var app = try app("Assets/Examples/deep_sigmoid.onnx")
    _ = app.handle(.character("b"), columns: 80, rows: 24)
    let json = StateJSON.encode(app.state)
    #expect(json.contains("\"gradients\": {\n    \"parameters\": [\n      {\"name\": \"x\", \"data_norm\": "))
    #expect(json.contains("\"mark\": \"vanishing\"}"))
    #expect(json.contains("\"first_nan_or_inf\": null"))
  }
}

/// The marks on a program: a gradient a thousand times its data explodes; a nan is found.
@Suite struct GradientFlowMarkTests {
  private func flow(_ program: String) throws -> GradientFlow {
    let parsed = try Program.parse(program)
    var session = Session(output: parsed.output, inputs: parsed.inputs.map(\.variable))
    session.move(to: session.stepCount)
    return GradientFlow(session: session)
  }

  @Test func aGradientFarLargerThanItsDataExplodes() throws {
    let rows = try flow("x = 1e5\nw = 0.5\ny = w * x * x * x").rows
    #expect(rows.map(\.name) == ["x", "w"])
    #expect(rows[0].mark == .exploding, "∂y/∂x = 1.5e10 against x = 1e5")
    #expect(rows[1].mark == .exploding)
    #expect(rows[0].gradNorm == 1.5e10)
  }

  @Test func aGradientFarSmallerThanTheLargestVanishes() throws {
    let rows = try flow("a = 1e-8\nb = 1\ny = a * b").rows
    #expect(rows[0].mark == GradientFlow.Mark.none)
    #expect(rows[1].mark == .vanishing, "∂y/∂b = 1e-8, below 1e-6 of ∂y/∂a = 1")
  }

  @Test func theFirstNaNNamesItsStep() throws {
    let first = try #require(try flow("x = -1\ny = sqrt(x)\nz = y * 2").firstNonFinite)
    #expect(first.step == 1)
    #expect(first.description == "forward Sqrt set y.data to nan")
  }
}
