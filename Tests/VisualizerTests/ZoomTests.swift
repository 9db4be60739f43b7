import Foundation
import GraphLayout
import Testing

@testable import Visualizer

/// Zoom levels (issue 14): the first frame picks the largest level at which the whole graph fits,
/// `z` cycles the levels, `=` fits the whole graph, and small graphs fit common sizes whole.
@Suite struct ZoomTests {
  private func example(_ name: String, orientation: Orientation = .leftToRight) throws -> App {
    let text = try String(
      contentsOf: ExampleTests.folder.appendingPathComponent(name + ".grad"), encoding: .utf8)
    var state = try TestPrograms.state(text, title: name + ".grad")
    if orientation == .topToBottom { state.update(.toggleOrientation) }
    return App(state: state, screen: Screen())
  }

  /// Every variable's and function's label is on the frame: the whole graph is in view.
  private func expectWholeGraph(
    in app: App, columns: Int, rows: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let frame = app.render(columns: columns, rows: rows).plainText()
    let graph = app.state.session.graph
    let graphRows = frame.split(separator: "\n", omittingEmptySubsequences: false)
      .prefix(1 + app.screen.regions(for: app.state, columns: columns, rows: rows).graphHeight).joined(
        separator: "\n")
    for label in graph.variables.map(\.label) + graph.functions.map(\.label) {
      #expect(
        graphRows.contains(label), "\(label) is not on the graph's rows", sourceLocation: sourceLocation)
    }
  }

  @Test func theSeedFitsWholeTopToBottomAt80x24() throws {
    let app = try example("seed", orientation: .topToBottom)
    #expect(app.screen.fittingStyle(for: app.state, columns: 80, rows: 24) == .line)
    expectWholeGraph(in: app, columns: 80, rows: 24)
  }

  @Test(arguments: ["seed", "neuron", "two_inputs", "diamond", "reuse", "generations"])
  func smallExamplesFitWholeAt80x24(name: String) throws {
    let app = try example(name)
    #expect(app.screen.fittingStyle(for: app.state, columns: 80, rows: 24) != nil)
    expectWholeGraph(in: app, columns: 80, rows: 24)
  }

  @Test func theFirstFramePicksTheLargestLevelThatFits() throws {
    let seed = try example("seed")
    #expect(seed.screen.style(for: seed.state, columns: 80, rows: 24) == .compact)
    #expect(seed.screen.style(for: seed.state, columns: 120, rows: 40) == .roomy)
    let neuron = try example("neuron")
    #expect(neuron.screen.style(for: neuron.state, columns: 80, rows: 24) == .outline)
    #expect(neuron.screen.style(for: neuron.state, columns: 160, rows: 30) == .line)
  }

  @Test func zCyclesTheLevelsFromTheOneShown() throws {
    var app = try example("seed")
    var shown = [BoxStyle]()
    for _ in 0..<4 {
      _ = app.handle(.character("z"), columns: 80, rows: 24)
      shown.append(app.screen.style(for: app.state, columns: 80, rows: 24))
      #expect(app.state.status?.hasPrefix("zoom: ") == true)
    }
    #expect(shown == [.line, .outline, .roomy, .compact])
    _ = app.handle(.character("="), columns: 80, rows: 24)
    #expect(app.state.zoom == nil)
    #expect(app.state.status == "zoom: whole graph in compact boxes")
  }

  @Test func fitSaysSoWhenNoLevelFits() throws {
    var app = try example("chain100")
    _ = app.handle(.character("z"), columns: 80, rows: 24)
    _ = app.handle(.character("="), columns: 80, rows: 24)
    #expect(app.state.zoom == .line, "= keeps the level when none fits")
    #expect(
      app.state.status == "the whole graph does not fit at any zoom level at this size; z changes the zoom")
  }

  @Test(arguments: [("seed", "z"), ("seed", "zz"), ("neuron", "nnnn"), ("neuron", "zz"), ("mlp", "zbpp")])
  func zoomLevelsMatchTheirSnapshots(name: String, keys: String) throws {
    let text = try String(
      contentsOf: ExampleTests.folder.appendingPathComponent(name + ".grad"), encoding: .utf8)
    for (columns, rows) in [(80, 24), (120, 40)] {
      let frames = try TestPrograms.frames(
        text, title: name + ".grad", keys: keys, from: keys.count, columns: columns, rows: rows)
      assertSnapshot(frames, named: "zoom-\(name)-\(keys)-\(columns)x\(rows)")
    }
  }
}
