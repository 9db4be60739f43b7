import Autodiff
import Foundation
import Testing

@testable import Stepping
@testable import Visualizer

/// What keys do besides stepping: Esc, the status line, panning, scrolling, the display precision.
@Suite struct KeyBehaviourTests {
  private func app(_ graph: Variable = TestGraphs.seed()) -> App {
    App(state: AppState(session: Session(output: graph), title: "seed"), screen: Screen())
  }

  private func press(_ keys: String, on app: inout App, columns: Int = 80, rows: Int = 24) throws {
    for key in try Key.parseScript(keys) { _ = app.handle(key, columns: columns, rows: rows) }
  }

  @Test func escClosesHelpThenClearsTheSelectionAndNeverQuits() throws {
    var app = app()
    try press("?<tab>", on: &app)
    #expect(app.state.showsHelp && app.state.selection != nil)
    try press("<esc>", on: &app)
    #expect(!app.state.showsHelp && app.state.selection != nil && !app.state.wantsQuit)
    try press("<esc>", on: &app)
    #expect(app.state.selection == nil && !app.state.wantsQuit)
    try press("<esc><esc>", on: &app)
    #expect(!app.state.wantsQuit && app.state.status?.hasSuffix("q quits") == true)
    var other = self.app()
    try press("?<tab>q", on: &other)
    #expect(other.state.wantsQuit)
  }

  @Test func aKeyThatDoesNothingSaysSoUntilTheNextKey() throws {
    var app = app(TestGraphs.branching())
    try press("c", on: &app)
    #expect(app.state.status == "nothing to collapse: no chain of one-input functions here")
    #expect(app.render(columns: 80, rows: 24).plainLines().last == " " + app.state.status!)
    app.tick()
    #expect(app.state.status != nil)
    try press("n", on: &app)
    #expect(app.state.status == nil)
    for (keys, status) in [
      ("p", "already at step 0"), ("bn", "at the last step (g: back to step 0)"),
      ("x", "x does nothing here; ? lists the keys"),
      ("e", "select an input first (Tab or click), then press e"),
      ("<down>", "the inspector shows everything"), ("L", "the whole graph is in view"),
    ] {
      var fresh = self.app()
      try press(keys, on: &fresh)
      #expect(fresh.state.status == status, "\(keys)")
    }
  }

  @Test func everyPanPressMovesTheViewUntilTheEdge() throws {
    var chain = Variable(0.5, name: "x")
    for _ in 0..<100 { chain = sqrt(chain) }
    var app = app(chain)
    var frames = [app.render(columns: 80, rows: 24).plainText()]
    for _ in 0..<3 {
      try press("L", on: &app)
      frames.append(app.render(columns: 80, rows: 24).plainText())
    }
    #expect(Set(frames).count == 4)
    try press("H", on: &app)
    #expect(app.render(columns: 80, rows: 24).plainText() == frames[2])
    try press("HHHH", on: &app)
    #expect(app.state.status == "the view is at the edge of the graph")
    #expect(app.state.pan.x == 0)
    try press("L", on: &app)
    #expect(app.render(columns: 80, rows: 24).plainText() == frames[1])
  }

  @Test func scrollingStopsAtTheLastLineAndMovesBackAtOnce() throws {
    var app = App(
      state: try TestPrograms.state(TestPrograms.mlp, title: "mlp"), screen: Screen())
    try press("b" + String(repeating: "]", count: 20), on: &app)
    #expect(app.state.status == "at the end of the inspector")
    let bottom = app.state.inspectorScroll
    try press("k", on: &app)
    #expect(app.state.inspectorScroll == bottom - 1)
    try press("n", on: &app)
    #expect(app.state.inspectorScroll == bottom - 1)
    try press("p", on: &app)
    #expect(app.state.inspectorScroll == 0)
  }

  @Test func dTogglesFullDigitsInTensorGrids() throws {
    var app = App(state: try TestPrograms.state(TestPrograms.mlp, title: "mlp"), screen: Screen())
    try press("n", on: &app, columns: 120, rows: 40)
    let short = app.render(columns: 120, rows: 40).plainText()
    #expect(short.contains("0.325 ") && !short.contains("0.32500000000000007"))
    try press("d", on: &app, columns: 120, rows: 40)
    let full = app.render(columns: 120, rows: 40).plainText()
    #expect(full.contains("0.32500000000000007"))
    #expect(full.contains("full digits · step 1/19"))
  }

  @Test func jsonHasTheChainRuleAndAfterTheLastStepTheGradientCheck() throws {
    var state = AppState(session: Session(output: TestGraphs.seed()), title: "seed")
    #expect(StateJSON.encode(state).contains("\"chain_rule\": null,\n  \"gradient_check\": null"))
    state.update(.end)
    let json = StateJSON.encode(state)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let check = object["gradient_check"] as! [String: Any]
    #expect(check["passed"] as? Bool == true)
    #expect((check["entries"] as! [[String: Any]]).first?["numerical"] as? Double == 3.297442541350115)
    let rule = object["chain_rule"] as! [String: Any]
    let term = (rule["terms"] as! [[String: Any]])[0]
    #expect(term["symbolic"] as? String == "2·x·gy")
    #expect(term["equation"] as? String == "gx = 2·x·gy = 2.0 × 0.5 × 3.297442541400256 = 3.297442541400256")
  }
}
