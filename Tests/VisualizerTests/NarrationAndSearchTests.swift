import Autodiff
import Foundation
import Testing

@testable import Stepping
@testable import Visualizer

/// Issue 21: lessons that teach themselves. The example's lesson and the note on a step, the step's
/// chain rule before the gradient check, shared weights' uses and sums, search and jumps, the help
/// with its legend, and the nudge's linear approximation, at 80×24 and 120×40 (60×20 for the help).
@Suite struct NarrationAndSearchTests {
  private func example(_ name: String) throws -> String {
    try String(contentsOf: ExampleTests.folder.appendingPathComponent(name + ".grad"), encoding: .utf8)
  }

  private func app(_ name: String) throws -> App {
    App(state: try TestPrograms.state(try example(name), title: name + ".grad"), screen: Screen())
  }

  private func press(_ keys: String, on app: inout App, columns: Int = 80, rows: Int = 24) throws {
    for key in try Key.parseScript(keys) { _ = app.handle(key, columns: columns, rows: rows) }
  }

  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let example: String
    let keys: String
    var description: String { name }
  }

  static let cases = [
    Case(name: "seed-lesson-and-note", example: "seed", keys: "nn"),
    Case(name: "reuse-step-before-check", example: "reuse", keys: "b"),
    Case(name: "rnn-search-w-sum", example: "rnn", keys: "b/w<enter>"),
    Case(name: "rnn-jump-to-end", example: "rnn", keys: "$"),
    Case(name: "seed-nudge", example: "seed", keys: "b<tab>+"),
  ]

  @Test(arguments: cases, ["80x24", "120x40"])
  func framesMatchTheirSnapshots(_ testCase: Case, size: String) throws {
    let dimensions = size.split(separator: "x").map { Int($0)! }
    let frame = try TestPrograms.frames(
      try example(testCase.example), title: testCase.example + ".grad", keys: testCase.keys,
      from: testCase.keys.count > 0 ? try Key.parseScript(testCase.keys).count : 0, columns: dimensions[0],
      rows: dimensions[1])
    assertSnapshot(frame, named: "issue21-\(testCase.name)-\(size)")
  }

  @Test(arguments: ["60x20", "60x14", "80x24", "120x40"])
  func helpWrapsScrollsAndHasALegend(size: String) throws {
    let dimensions = size.split(separator: "x").map { Int($0)! }
    let (columns, rows) = (dimensions[0], dimensions[1])
    var app = try app("seed")
    try press("?", on: &app, columns: columns, rows: rows)
    var seen = Set<String>()
    var frames = [String]()
    for _ in 0..<12 {
      let frame = app.render(columns: columns, rows: rows).plainLines()
      frames.append(frame.joined(separator: "\n"))
      seen.formUnion(frame)
      try press("]", on: &app, columns: columns, rows: rows)
      if app.state.status != nil { break }
    }
    let text = seen.joined(separator: "\n")
    for needle in ["Legend", "magenta", "dashed", "freed", "g2", "( )  ^ $", "quit"] {
      #expect(text.contains(needle), "\(needle) at \(size)")
    }
    #expect(app.state.status == "at the end of the help" || app.state.status == "the help shows everything")
    if size == "60x20" { assertSnapshot(frames.joined(separator: "\n──\n"), named: "issue21-help-60x20") }
  }

  @Test func theStepsChainRuleComesBeforeTheGradientCheck() throws {
    var app = try app("reuse")
    try press("b", on: &app)
    let lines = app.render(columns: 80, rows: 24).plainLines()
    let accumulation = try #require(lines.firstIndex { $0.contains("x.grad = 4.0 + 3.0 = 7.0") })
    let check = try #require(lines.firstIndex { $0.hasPrefix("Gradient check") })
    #expect(accumulation < check)
  }

  @Test func searchSelectsAsYouTypeEnterKeepsEscRestoresAndNCycles() throws {
    var app = try app("rnn")
    let graph = app.state.session.graph
    try press("/h2", on: &app)
    #expect(app.state.search != nil)
    #expect(app.state.selection.map { Chrome.label(of: $0, in: graph) } == "h2")
    #expect(app.render(columns: 80, rows: 24).plainLines().last!.hasPrefix(" /h2"))
    try press("<esc>", on: &app)
    #expect(app.state.search == nil && app.state.selection == nil && !app.state.wantsQuit)
    try press("/h2<enter>", on: &app)
    #expect(app.state.selection.map { Chrome.label(of: $0, in: graph) } == "h2")
    let matches = app.state.searchMatches
    #expect(matches.count > 1)
    try press("N", on: &app)
    #expect(app.state.selection == matches[1])
    #expect(app.state.status == "match 2 of \(matches.count) for /h2 (N: next)")
    try press("/zzz<enter>", on: &app)
    #expect(app.state.status?.hasPrefix("no node is called zzz") == true)
  }

  @Test func pagingAndJumpingReachBothEndsOfABigGraph() throws {
    var app = try app("rnn")
    try press("$", on: &app)
    let range = app.screen.panRange(app.state, columns: 80, rows: 24)
    #expect(app.state.pan.x == range.x.upperBound)
    try press("$", on: &app)
    #expect(app.state.status == "the view is at that end of the graph already")
    try press("^", on: &app)
    #expect(app.state.pan.x == range.x.lowerBound)
    try press(")", on: &app)
    #expect(app.state.pan.x == range.x.lowerBound + 72)
    try press("(", on: &app)
    #expect(app.state.pan.x == range.x.lowerBound)
  }

  @Test func nudgingSaysTheOutputsChangeBesideWhatTheGradientPredicted() throws {
    var app = try app("seed")
    try press("b<tab>,,+", on: &app)
    #expect(app.state.nudgeStep == 0.001)
    #expect(app.state.status?.contains("Δy = 0.003304 vs x.grad·Δx = 0.0032974") == true)
  }

  @Test func aNegativeTermIsSubtractedAndNoNegativeZeroIsPrinted() throws {
    let state = try TestPrograms.state("x = 1\ny = x * -2 + x", title: "t")
    var app = App(state: state, screen: Screen())
    try press("b", on: &app)
    let text = app.render(columns: 120, rows: 40).plainText()
    #expect(text.contains("x.grad = 1.0 − 2.0 = -1.0"))
    #expect(NumberFormat.full(-0.0) == "0.0" && NumberFormat.short(-0.0) == "0.0")
    #expect(NumberFormat.full(Tensor([-0.0, 1.0])) == "[0.0, 1.0]")
  }

  @Test func aTensorAccumulationShowsTheOldGrad() throws {
    var app = App(
      state: try TestPrograms.state("v = [1, 2]\ny = sum(v * v + v)", title: "t"), screen: Screen())
    try press("b", on: &app)
    let lines = InspectorView(state: app.state, width: 120).lines().map(\.text)
    let was = try #require(lines.firstIndex { $0.contains("v.grad was ") })
    #expect(lines[was + 1].contains("v.grad = v.grad + gx"))
  }

  @Test func backwardStepsPointTheActiveWiresBack() throws {
    var app = try app("seed")
    try press("fn", on: &app)
    let forward = app.render(columns: 80, rows: 24).plainLines()
    try press("n", on: &app)
    let backward = app.render(columns: 80, rows: 24).plainLines()
    #expect(!forward.joined().contains("◀"))
    #expect(backward.joined().contains("◀━"))
  }

  @Test func powerBoxesShowTheirExponent() throws {
    let app = App(state: try TestPrograms.state("x = 2\ny = x^3", title: "t"), screen: Screen())
    #expect(app.render(columns: 80, rows: 24).plainText().contains("Pow^3"))
  }

  /// A box's value gets as many digits as its room allows, rounded: diamond's x.grad at step 6
  /// reads `0.4122`, not `0.412…`.
  @Test func aValueIsRoundedToItsBoxRatherThanCut() throws {
    #expect(NumberFormat.fitting(0.41218031767503205, width: 6) == "0.4122")
    #expect(NumberFormat.fitting(0.41218031767503205, width: 7) == "0.41218")
    #expect(NumberFormat.fitting(0.00027567, width: 6) == "2.8e-4")
    #expect(NumberFormat.fitting(-123456.0, width: 5) == "-1e5")
    var app = try app("diamond")
    try press("nnnnnn", on: &app)
    #expect(app.render(columns: 80, rows: 24).plainText().contains("grad 0.4122 "))
  }

  /// The boxes the graph view cuts in two: by its left edge (`left`) and by its top edge (`top`).
  private func cutBoxes(_ app: App, columns: Int, rows: Int) throws -> (left: Int, top: Int) {
    let state = app.state
    let scene = try app.screen.scene(for: state, columns: columns, rows: rows)
    let height = app.screen.regions(for: state, columns: columns, rows: rows).graphHeight
    let origin = GraphView(scene: scene, state: state).origin(width: columns, height: height)
    let seen = scene.layout.boxes.filter {
      $0.maxX > origin.x && $0.x < origin.x + columns && $0.maxY > origin.y && $0.y < origin.y + height
    }
    return (seen.filter { $0.x < origin.x }.count, seen.filter { $0.y < origin.y }.count)
  }

  /// The first view of a graph wider than the screen never starts inside a box (a value without
  /// its name): every box cut by the left edge is a wire, not a box.
  @Test(arguments: [(80, 24), (120, 40)])
  func theViewNeverStartsOnACutBox(columns: Int, rows: Int) throws {
    var app = try app("rnn")
    for _ in 0..<12 {
      #expect(try cutBoxes(app, columns: columns, rows: rows).left == 0, "step \(app.state.session.cursor)")
      try press("n", on: &app, columns: columns, rows: rows)
    }
  }

  /// Following a selection in a graph taller than the screen, the view never starts inside a box
  /// either (its name row above the top edge): attention's V found by search, then each Tab.
  @Test(arguments: [(80, 24), (120, 40)])
  func theViewNeverStartsBelowABoxsName(columns: Int, rows: Int) throws {
    var app = try app("attention")
    try press("b/V<enter>", on: &app, columns: columns, rows: rows)
    for _ in 0..<12 {
      let selection = String(describing: app.state.selection)
      #expect(try cutBoxes(app, columns: columns, rows: rows).top == 0, "selection \(selection)")
      try press("<tab>", on: &app, columns: columns, rows: rows)
    }
  }

  /// One line per node: a wire leaving a variable starts one space after its text, not after the
  /// blank room its box keeps for longer values.
  @Test func oneLineNodesKeepTheirWiresAtTheirText() throws {
    var app = try app("rnn")
    try press("znnnn", on: &app)
    let text = app.render(columns: 80, rows: 24).plainText()
    #expect(text.contains("h1#1 0.0 g — ────────▶[   ]"))
    #expect(text.contains("h1#3 0.32 g — ━━━━━▶[Tanh]"))
  }

  /// A constant has a name of its own (`y#c1`), and expressions and chain rules still write its
  /// value: `y = 2 · x`, `gx1 = 2·gy`, and its own grad is `y#c1.grad`, never `2.grad`.
  @Test func constantsAreNamedAfterTheirStatementAndWrittenByValue() throws {
    var app = App(state: try TestPrograms.state("x = 3\ny = 2 * x", title: "t"), screen: Screen())
    let graph = app.state.session.graph
    let mul = graph.functions[0]
    #expect(mul.inputs.map { graph.variables[$0].symbol } == ["2", "x"])
    #expect(mul.inputs.map { graph.variables[$0].label } == ["y#c1", "x"])
    try press("b", on: &app)
    let lines = InspectorView(state: app.state, width: 80).lines().map(\.text)
    #expect(lines.contains { $0.hasPrefix("Backward · Mul  y = 2 · x") })
    #expect(lines.contains("Mul: gx1 = 2·gy = 2.0 × 1.0 = 2.0"))
    #expect(lines.contains("  → y#c1.grad = 3.0"))
    #expect(!StateJSON.encode(app.state).contains("\"name\": \"2\""))
  }

  /// Each zoom level out takes less of the screen than the one before it (width × height of the
  /// laid-out graph), for the RNN and the MLP in both orientations.
  @Test(arguments: ["rnn", "mlp"], ["lr", "tb"])
  func eachZoomLevelOutIsSmaller(name: String, orientation: String) throws {
    var app = try app(name)
    if orientation == "tb" { try press("o", on: &app) }
    var areas = [Int]()
    for style in BoxStyle.allCases {
      var state = app.state
      state.update(.setZoom(style, message: ""))
      let layout = try app.screen.scene(for: state, columns: 80, rows: 24).layout
      areas.append(layout.width * layout.height)
    }
    #expect(areas == areas.sorted(by: >), "\(areas)")
  }
}
