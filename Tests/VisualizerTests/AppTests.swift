import Autodiff
import GraphLayout
import Testing

@testable import Stepping
@testable import Visualizer

@Suite struct AppTests {
  private func run(_ keys: String, columns: Int = 80, rows: Int = 24, graph: Variable = TestGraphs.seed())
    throws
    -> (text: String, state: AppState)
  {
    let state = AppState(session: Session(output: graph), title: "seed.grad")
    var run = HeadlessRun(app: App(state: state, screen: Screen()), columns: columns, rows: rows)
    let frame = run.finalFrame(keys: try Key.parseScript(keys))
    return (frame.plainText(), run.app.state)
  }

  @Test func stepZeroShowsOnlyTheInput() throws {
    let (text, _) = try run("")
    #expect(text.contains("d 0.5"))
    #expect(text.contains("step 0/7 · start"))
    #expect(!text.contains("g 3.2974"))
    #expect(!text.contains("0.25"))
  }

  @Test func afterTheForwardPassYHasDataAndNoGrad() throws {
    let (text, state) = try run("nnn")
    #expect(text.contains("1.648721270700128"))
    #expect(state.session.grad(of: state.session.graph.output) == nil)
    #expect(text.contains("step 3/7 · forward"))
  }

  @Test func theEndShowsBackpropAndTheNumericalCheck() throws {
    let (text, _) = try run("b")
    #expect(text.contains("3.297442541400256"))
    #expect(text.contains("3.297442541350115"))
    #expect(text.contains("✓ pass"))
    #expect(text.contains("step 7/7 · done"))
  }

  @Test func theExpBackwardStepShowsTheChainRuleInNumbers() throws {
    let (text, _) = try run("nnnnnn")
    #expect(text.contains("Exp: gx = exp(a)·gy = 1.2840254166877414 × 2.568050833375483 = 3.297442541400256"))
  }

  @Test func everySeedFrameFitsEightyByTwentyFourWithTheWholeGraph() throws {
    for steps in 0...7 {
      let (text, _) = try run(String(repeating: "n", count: steps))
      let lines = text.components(separatedBy: "\n")
      #expect(lines.count == 24)
      #expect(lines.allSatisfy { $0.count <= 80 })
      for box in ["│   x    │", "│   a    │", "│   b    │", "│   y    │"] {
        #expect(text.contains(box), "step \(steps): \(box)")
      }
      let graphArea = lines[1..<6].joined(separator: "\n")
      #expect(graphArea.components(separatedBy: "Square").count == 3)
      #expect(graphArea.components(separatedBy: "Exp").count == 2)
    }
  }

  @Test func keysMoveTheCursorAsBound() throws {
    #expect(try run("nnnp").state.session.cursor == 2)
    #expect(try run("f").state.session.cursor == 3)
    #expect(try run("bg").state.session.cursor == 0)
    #expect(try run("<end><left><left>").state.session.cursor == 5)
    #expect(try run("G<home>l").state.session.cursor == 1)
    #expect(try run("ppp").state.session.cursor == 0)
    #expect(try run("nnnnnnnnnnnn").state.session.cursor == 7)
  }

  @Test func tabSelectsNodesInEvaluationOrderAndTheInspectorFollows() throws {
    let (text, state) = try run("<tab><tab>")
    #expect(state.selection == 4)
    #expect(text.contains("Function Square"))
    #expect(text.contains("selected Square"))
    let back = try run("<tab><backtab>")
    #expect(back.state.selection == nil)
    let variable = try run("b<tab>")
    #expect(variable.text.contains("Variable x"))
    #expect(variable.text.contains("grad = 3.297442541400256"))
  }

  @Test func helpAndOrientationToggle() throws {
    let help = try run("?")
    #expect(help.text.contains("end of the forward pass"))
    #expect(try run("??").text.contains("end of the forward pass") == false)
    #expect(try run("o").state.orientation == .topToBottom)
    #expect(try run("oo").state.orientation == .leftToRight)
  }

  @Test func quitStopsReadingKeys() throws {
    #expect(try run("nqnn").state.session.cursor == 1)
    #expect(try run("n<esc>n").state.session.cursor == 2)
  }

  @Test func aClickSelectsTheNodeUnderIt() throws {
    let state = AppState(session: Session(output: TestGraphs.seed()), title: "seed")
    var app = App(state: state, screen: Screen())
    let frame = app.render(columns: 80, rows: 24).plainLines()
    let row = frame.firstIndex { $0.contains("Exp") }!
    let column = frame[row].distance(from: frame[row].startIndex, to: frame[row].range(of: "Exp")!.lowerBound)
    _ = app.handle(.click(x: column, y: row), columns: 80, rows: 24)
    #expect(app.state.selection == 5)
    _ = app.handle(.click(x: 0, y: 0), columns: 80, rows: 24)
    #expect(app.state.selection == nil)
  }

  @Test func aReusedVariableShowsAnAccumulationOnScreen() throws {
    let frames = try (0...11).map {
      try run(String(repeating: "n", count: $0), columns: 120, rows: 40, graph: TestGraphs.branching()).text
    }
    #expect(frames.contains { $0.contains("→ x.grad = ") && $0.contains(" + ") })
  }

  @Test func jsonReportsEveryVariableInAStableOrder() throws {
    let (_, state) = try run("nnn")
    let json = StateJSON.encode(state)
    #expect(json.contains("\"step\": 3"))
    #expect(json.contains("\"phase\": \"forward\""))
    #expect(json.contains("{\"name\": \"y\", \"shape\": [], \"data\": 1.648721270700128, \"grad\": null}"))
    #expect(json == StateJSON.encode(state))
  }

  @Test func jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
    #expect(StateJSON.string("a\"b\\c") == #""a\"b\\c""#)
    #expect(StateJSON.string("line\nnext\ttab") == #""line\nnext\ttab""#)
    #expect(StateJSON.string("\u{1}\u{1f}é") == #""\u0001\u001fé""#)
  }

  @Test func collapsingDrawsAChainAsOneBoxAndExpandsAgain() throws {
    let collapsed = try run("nnc", columns: 120, rows: 40)
    #expect(collapsed.text.contains("square∘exp∘square"))
    #expect(!collapsed.text.contains("│      a      │"))
    #expect(collapsed.text.contains("step 2/7"))
    let expanded = try run("nncc", columns: 120, rows: 40)
    #expect(!expanded.text.contains("square∘exp∘square"))
    #expect(expanded.text.contains("│      a      │"))
  }

  @Test func collapsingKeepsBranchesApart() {
    let graph = GraphModel(output: TestGraphs.branching())
    let display = DisplayGraph(collapsing: graph)
    #expect(!display.nodes.contains { if case .chain = $0 { return true } else { return false } })
    var chain = Variable(0.5, name: "x")
    for _ in 0..<100 { chain = sqrt(chain) }
    let long = DisplayGraph(collapsing: GraphModel(output: chain))
    #expect(long.nodes.count == 3)
    #expect(DisplayGraph.label(of: long.nodes[2], in: GraphModel(output: chain)) == "sqrt∘…∘sqrt ×100")
    let composed = GraphModel(output: sin(exp(square(Variable(0.5, name: "x")))))
    #expect(
      DisplayGraph(collapsing: composed).nodes.map { DisplayGraph.label(of: $0, in: composed) }.contains(
        "sin∘exp∘square"))
  }

  /// `b` while playing reaches the last step: the title stops saying `playing`, and the next tick
  /// leaves the status line alone.
  @Test func reachingTheEndWhilePlayingStopsPlaying() throws {
    var app = App(
      state: AppState(session: Session(output: TestGraphs.seed()), title: "seed"), screen: Screen())
    _ = app.handle(.character("a"), columns: 80, rows: 24)
    #expect(app.render(columns: 80, rows: 24).plainLines()[0].contains("playing"))
    _ = app.handle(.character("b"), columns: 80, rows: 24)
    #expect(!app.state.isPlaying)
    #expect(!app.render(columns: 80, rows: 24).plainLines()[0].contains("playing"))
    _ = app.handle(.character("b"), columns: 80, rows: 24)
    let status = app.state.status
    app.tick()
    #expect(app.state.status == status && status != nil)
  }

  @Test func autoPlayStepsOnTicksAndStopsAtTheEnd() {
    var state = AppState(session: Session(output: TestGraphs.seed()), title: "seed")
    state.update(.tick)
    #expect(state.session.cursor == 0)
    state.update(.togglePlay)
    #expect(state.isPlaying)
    for _ in 0..<3 { state.update(.tick) }
    #expect(state.session.cursor == 3)
    state.update(.togglePlay)
    state.update(.tick)
    #expect(state.session.cursor == 3)
    state.update(.togglePlay)
    for _ in 0..<10 { state.update(.tick) }
    #expect(state.session.cursor == 7)
    #expect(!state.isPlaying)
    state.update(.togglePlay)
    #expect(!state.isPlaying)
  }
}
