import Autodiff
import Foundation
import Testing

@testable import Stepping
@testable import Visualizer

/// Issue 11's first lesson in the app: `e` opens the value editor on the selected input, Enter
/// recomputes the timeline at the same step and marks what changed, `+` and `-` nudge a scalar.
@Suite struct WhatIfEditTests {
  private func app(_ graph: Variable = TestGraphs.seed()) -> App {
    App(state: AppState(session: Session(output: graph), title: "seed"), screen: Screen())
  }

  private func press(_ keys: String, on app: inout App) throws {
    for key in try Key.parseScript(keys) { _ = app.handle(key, columns: 80, rows: 24) }
  }

  @Test func eNeedsASelectedInput() throws {
    for (keys, status) in [
      ("e", "select an input first (Tab or click), then press e"),
      ("<tab><tab>e", "Square is a function: select an input (Tab or click), then press e"),
      ("<tab><tab><tab>e", "a is computed by Square: only inputs can be edited"),
      ("+", "select an input first (Tab or click), then +"),
      ("<tab><tab><tab>-", "only a scalar input can be nudged; press e to type a value"),
    ] {
      var app = app()
      try press(keys, on: &app)
      #expect(app.state.status == status, "\(keys)")
      #expect(app.state.editor == nil)
    }
  }

  @Test func theEditorOpensPrefilledAndTakesTheKeys() throws {
    var app = app()
    try press("b<tab>e", on: &app)
    #expect(app.state.editor == ValueEditor(variable: 0, line: LineEditor("0.5")))
    try press("<bs>nq?<left><left><bs>", on: &app)
    #expect(app.state.editor?.line.text == "0.q?")
    #expect(!app.state.wantsQuit && !app.state.showsHelp && app.state.session.cursor == 7)
    #expect(app.state.editor?.line.cursor == 2)
    #expect(app.render(columns: 80, rows: 24).plainLines().last == " edit x = 0.q?  Enter apply · Esc cancel")
    try press("<click:10,7>", on: &app)
    #expect(app.state.status == "<click:10,7> does nothing here: Enter applies, Esc cancels")
    try press("<esc>", on: &app)
    #expect(app.state.editor == nil && app.state.selection == 0 && !app.state.wantsQuit)
    #expect(app.state.session.data(of: 0) == Tensor(0.5))
  }

  @Test func eClosesTheHelp() throws {
    var app = app()
    try press("<tab>?e", on: &app)
    #expect(app.state.editor != nil && !app.state.showsHelp)
  }

  @Test func aBadValueKeepsTheEditorOpenAndSaysWhy() throws {
    var app = app()
    try press("<tab>e<C-u>0.7x<enter>", on: &app)
    #expect(app.state.editor?.line.text == "0.7x")
    #expect(app.state.status == "column 4: unexpected 'x'")
    #expect(
      app.render(columns: 80, rows: 24).plainLines().last == " edit x = 0.7x   column 4: unexpected 'x'")
    try press("<tab>", on: &app)
    #expect(app.state.status == "<tab> does nothing here: Enter applies, Esc cancels")
    try press("<bs><enter>", on: &app)
    #expect(app.state.editor == nil && app.state.session.data(of: 0) == Tensor(0.7))
  }

  @Test func enterRecomputesAtTheSameStepAndMarksWhatChanged() throws {
    var app = app()
    try press("b<tab>e<C-u>0.7<enter>", on: &app)
    let session = app.state.session
    #expect(session.cursor == session.stepCount)
    let x = 0.7
    let closedForm = 4 * x * exp(2 * x * x)
    let grad = try #require(session.grad(of: 0)?.scalar)
    #expect(abs(grad - closedForm) <= 1e-12 * closedForm)
    #expect(app.state.changed == [0, 1, 2, 3])
    #expect(app.state.status == "x = 0.7 (was 0.5): 4 variables changed (marked •)")
    let frame = app.render(columns: 80, rows: 24).plainText()
    #expect(frame.components(separatedBy: "•╮").count == 5)
    #expect(frame.contains("grad = 7.4604774774023666"))
    try press("p", on: &app)
    #expect(app.state.changed.isEmpty && app.state.status == nil)
    #expect(!app.render(columns: 80, rows: 24).plainText().contains("•"))
  }

  @Test func anEditBeforeTheBackwardPassChangesOnlyWhatIsComputed() throws {
    var app = app()
    try press("nn<tab><edit:1.0>", on: &app)
    #expect(app.state.session.cursor == 2)
    #expect(app.state.changed == [0, 1, 2])
    #expect(app.state.status == "x = 1.0 (was 0.5): 3 variables changed (marked •)")
  }

  @Test func theScriptedEditIsTheKeysItStandsFor() throws {
    var typed = app()
    try press("b<tab>e<C-u>0.7<enter>", on: &typed)
    var scripted = app()
    try press("b<edit:x=0.7>", on: &scripted)
    #expect(scripted.render(columns: 80, rows: 24) == typed.render(columns: 80, rows: 24))
    var selected = app()
    try press("b<tab><edit:0.7>", on: &selected)
    #expect(selected.render(columns: 80, rows: 24) == typed.render(columns: 80, rows: 24))
    var unknown = app()
    try press("<edit:q=1>", on: &unknown)
    #expect(unknown.state.status == "<edit:q=…>: there is no variable q")
    var bad = app()
    try press("<edit:x=abc>", on: &bad)
    #expect(bad.state.editor?.line.text == "abc" && bad.state.status == "column 1: 'abc' is not a number")
  }

  @Test func plusAndMinusNudgeByAStepThatDotAndCommaScale() throws {
    var app = app()
    try press("b<tab>+", on: &app)
    #expect(app.state.session.data(of: 0) == Tensor(0.6))
    #expect(
      app.state.status
        == "x = 0.6 (was 0.5) · Δy = 0.40571 vs x.grad·Δx = 0.32974 · 4 variables changed (marked •)")
    try press("++", on: &app)
    #expect(app.state.session.data(of: 0) == Tensor(0.8), "0.8, not 0.7999999999999999")
    try press(",-", on: &app)
    #expect(app.state.session.data(of: 0) == Tensor(0.79))
    try press("..", on: &app)
    #expect(app.state.status == "nudge step 1.0: + and - change the selected input by it")
    try press("-", on: &app)
    #expect(app.state.session.data(of: 0) == Tensor(-0.21))
    try press("p", on: &app)
    #expect(app.render(columns: 80, rows: 24).plainLines().last?.contains(" e edit +/- ±1.0 ") == true)
    try press(String(repeating: ".", count: 7), on: &app)
    #expect(app.state.status == "the nudge step is already 1000000.0, the largest")
    try press(String(repeating: ",", count: 19), on: &app)
    #expect(app.state.status == "the nudge step is already 1e-12, the smallest")
  }

  @Test func theBoxesWidenOnlyWhenAValueNoLongerFits() throws {
    var app = app()
    try press("b<tab>+", on: &app)
    let nudged = app.render(columns: 80, rows: 24).plainLines()
    try press("-", on: &app)
    let back = app.render(columns: 80, rows: 24).plainLines()
    #expect(nudged[5] == back[5], "the same boxes: the layout stays put")
    try press("<edit:2>", on: &app)
    let wide = app.render(columns: 80, rows: 24).plainText()
    #expect(wide.contains("│g 23848.0│") && wide.contains("│d 2981.0│"), "no number is cut")
  }

  @Test func aTensorInputTakesAListAndCannotBeNudged() throws {
    var app = App(state: try TestPrograms.state(TestPrograms.mlp, title: "mlp"), screen: Screen())
    try press("b<edit:b2=[0.5]>", on: &app)
    let b2 = try #require(app.state.session.graph.variables.firstIndex { $0.label == "b2" })
    #expect(app.state.session.data(of: b2) == Tensor([0.5]))
    #expect(app.state.status?.hasPrefix("b2 = [0.5] (was [0.1]): ") == true)
    try press("+", on: &app)
    #expect(app.state.status == "only a scalar input can be nudged; press e to type a value")
    try press("<edit:b2=[1, 2]>", on: &app)
    #expect(app.state.status == "b2 has shape (1,); [1, 2] has shape (2,)")
  }
}
