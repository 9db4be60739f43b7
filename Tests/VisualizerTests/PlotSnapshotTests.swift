import Autodiff
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// The plot pane (`t`) at 80×24 and 120×40: the loss with the current iteration marked, the
/// Rosenbrock path over its loss surface, Newton's and the seed's y(x) with the tangent, and the
/// ASCII fallback.
@Suite struct PlotSnapshotTests {
  static func run(_ name: String, keys: String, size: (Int, Int), charset: Charset = .unicode) throws
    -> String
  {
    let program = try ExampleTests.program(name)
    var session = Session(program: program)
    var optimization: Optimization?
    if program.loop != nil { (optimization, session) = try Optimization.run(program, on: session) }
    let state = AppState(session: session, title: name + ".grad", optimization: optimization)
    var headless = HeadlessRun(
      app: App(state: state, screen: Screen()), columns: size.0, rows: size.1, charset: charset)
    return headless.finalFrame(keys: try Key.parseScript(keys)).plainText()
  }

  /// (example, keys, snapshot name).
  static let cases = [
    ("rosenbrock", "t", "start"), ("rosenbrock", "t}", "last"), ("rosenbrock", "tTi200<enter>", "linear-200"),
    ("newton", "t>>b", "iteration2-end"), ("xor_train", "t}", "last"), ("seed", "t", "start"),
    ("regression", "t", "start"),
  ]

  @Test(arguments: cases, [(80, 24), (120, 40)])
  func plotsMatchTheirSnapshots(example: (String, String, String), size: (Int, Int)) throws {
    let (name, keys, slug) = example
    assertSnapshot(
      try Self.run(name, keys: keys, size: size), named: "plot-\(name)-\(slug)-\(size.0)x\(size.1)")
  }

  @Test func theASCIIFallbackDrawsWithoutUnicode() throws {
    let text = try Self.run("rosenbrock", keys: "t>", size: (80, 24), charset: .ascii)
    let plotLines = text.split(separator: "\n").dropFirst(2).prefix(12)  // the axes and the canvas
    #expect(plotLines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } })
    assertSnapshot(text, named: "plot-rosenbrock-ascii-80x24")
  }

  @Test func tTogglesThePaneAndTFlipsTheScale() throws {
    let graph = try Self.run("rosenbrock", keys: "tt", size: (80, 24))
    #expect(!graph.contains("loss over x0, x1"))
    #expect(try Self.run("rosenbrock", keys: "t", size: (80, 24)).contains("loss (log)"))
    #expect(try Self.run("rosenbrock", keys: "tT", size: (80, 24)).contains("loss (linear)"))
  }

  @Test func theSVGExportHasThePlots() throws {
    let program = try ExampleTests.program("rosenbrock")
    let (run, session) = try Optimization.run(program, on: Session(program: program))
    let state = AppState(session: session, title: "rosenbrock.grad", optimization: run)
    var headless = HeadlessRun(app: App(state: state, screen: Screen()), columns: 80, rows: 24)
    let svg = SVGFrame.document(headless.finalFrame(keys: try Key.parseScript("t")))
    #expect(svg.contains("loss over x0, x1"))
    #expect(svg.contains("\u{2800}") || svg.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
  }

  @Test func theSeedsTangentHasTheGradientAsItsSlope() throws {
    #expect(try Self.run("seed", keys: "t", size: (80, 24)).contains("y(x) at x=0.5: slope x.grad=3.2974"))
  }

  @Test func aGraphWithManyInputsAndNoLoopHasNothingToPlot() throws {
    #expect(try Self.run("mlp", keys: "t", size: (80, 24)).contains("nothing to plot"))
  }

  @Test func plottingLeavesTheGraphAsItWas() throws {
    let program = try ExampleTests.program("rosenbrock")
    let (run, session) = try Optimization.run(program, on: Session(program: program))
    let state = AppState(session: session.atIteration(5, of: run), title: "r", optimization: run)
    let before = session.graph.variables.map(\.variable.data)
    var buffer = ScreenBuffer(columns: 120, rows: 40)
    PlotPane.draw(state, x: 0, y: 0, width: 120, height: 30, into: &buffer)
    #expect(session.graph.variables.map(\.variable.data) == before)
  }
}
