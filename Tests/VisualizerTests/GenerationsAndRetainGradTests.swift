import Autodiff
import Testing

@testable import Visualizer

/// Issue 11's second and third lessons in the app: `v` shows generations and the backward queue,
/// `r` shows the gradients `retainGrad: false` frees.
@Suite struct GenerationsAndRetainGradTests {
  private func app(_ example: String) throws -> App {
    let session = ExampleTests.session(of: try ExampleTests.program(example))
    return App(state: AppState(session: session, title: example + ".grad"), screen: Screen())
  }

  private func press(_ keys: String, on app: inout App) throws {
    for key in try Key.parseScript(keys) { _ = app.handle(key, columns: 80, rows: 24) }
  }

  @Test func vTagsEveryBoxWithItsGenerationAndTheTitleSaysSo() throws {
    var app = try app("generations")
    let plain = app.render(columns: 80, rows: 24).plainText()
    #expect(!plain.contains("╭g0"))
    try press("v", on: &app)
    let frame = app.render(columns: 80, rows: 24).plainText()
    for tag in ["╭g0", "┌g0", "╭g1", "┌g1", "╭g2", "┌g2", "╭g3"] { #expect(frame.contains(tag), "\(tag)") }
    #expect(frame.contains("generations · step 0/9 · start"))
    try press("v", on: &app)
    #expect(app.render(columns: 80, rows: 24).plainText() == plain)
  }

  @Test func aNarrowTitleDropsTheModesBeforeTheStep() throws {
    var app = try app("generations")
    try press("vr<tab>", on: &app)
    #expect(
      app.render(columns: 80, rows: 24).plainLines()[0].hasSuffix(
        "selected x · generations · retainGrad false · step 0/9 · start"))
    #expect(app.render(columns: 40, rows: 24).plainLines()[0] == "    retainGrad false · step 0/9 · start")
  }

  @Test func theInspectorSaysWhyTheDiamondsLowerSquareWaits() throws {
    var app = try app("generations")
    try press("vfnnnn", on: &app)
    let lines = InspectorView(state: app.state, width: 80).lines().map { $0.runs.map(\.text).joined() }
    #expect(
      lines[3...5] == [
        "Queue g1: Square→y#1 (picked) · g0: Square→a",
        "Square→y#1 picked: the highest generation waiting (g1)",
        "Square→a (g0) waits until every gradient of a has arrived (from Square→y#1)",
      ])
    try press("n", on: &app)
    let last = InspectorView(state: app.state, width: 80).lines().map { $0.runs.map(\.text).joined() }
    #expect(last.contains("Square→a picked: the only function waiting"))
    #expect(app.state.session.grad(of: 0) == Tensor(64.0))
  }

  @Test func aChainCollapsedIntoOneBoxShowsItsRangeOfGenerations() throws {
    var app = try app("chain100")
    try press("cv", on: &app)
    #expect(app.render(columns: 80, rows: 24).plainText().contains("g0–99"))
  }

  @Test func rShowsIntermediateGradsFreedOnceUsed() throws {
    var app = try app("retain_grad")
    try press("rfnn", on: &app)  // the seed, then Sin's backward has used y.grad
    var frame = app.render(columns: 80, rows: 24).plainText()
    #expect(frame.contains("retainGrad false · step 5/7 · backward"))
    #expect(frame.components(separatedBy: "g freed").count == 2, "only y.grad is freed")
    #expect(frame.contains("retainGrad false: y.grad freed now that Sin has used it"))
    try press("b", on: &app)
    frame = app.render(columns: 80, rows: 24).plainText()
    #expect(frame.components(separatedBy: "g freed").count == 4, "a, b and y; x keeps its grad")
    try press("<tab><tab><tab>", on: &app)  // a
    #expect(
      app.render(columns: 80, rows: 24).plainText().contains(
        "grad = freed (retainGrad false: Square has used it)"))
    try press("r", on: &app)
    #expect(!app.render(columns: 80, rows: 24).plainText().contains("freed"))
  }
}
