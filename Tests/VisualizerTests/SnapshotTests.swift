import Autodiff
import GraphLayout
import Testing

@testable import Stepping
@testable import Visualizer

/// Every frame of the seed graph and of a branching graph, at 80×24 and 120×40, in both
/// orientations, as text files under `__Snapshots__`.
@Suite struct SnapshotTests {
  struct Case: Sendable, CustomStringConvertible {
    let graph: String
    let columns: Int
    let rows: Int
    let orientation: Orientation
    var description: String {
      "\(graph)-\(columns)x\(rows)-\(orientation == .leftToRight ? "lr" : "tb")"
    }
  }

  static let cases: [Case] = ["seed", "branching"].flatMap { graph in
    [(80, 24), (120, 40)].flatMap { size in
      [Orientation.leftToRight, .topToBottom].map {
        Case(graph: graph, columns: size.0, rows: size.1, orientation: $0)
      }
    }
  }

  static func frames(_ testCase: Case) -> String {
    let output = testCase.graph == "seed" ? TestGraphs.seed() : TestGraphs.branching()
    let state = AppState(
      session: Session(output: output), title: testCase.graph, orientation: testCase.orientation)
    var run = HeadlessRun(
      app: App(state: state, screen: Screen()), columns: testCase.columns, rows: testCase.rows)
    let keys = Array(repeating: Key.character("n"), count: state.session.stepCount)
    return run.frames(keys: keys).map { "── \($0.header)\n" + $0.frame.plainText() }.joined(separator: "\n")
  }

  @Test(arguments: cases)
  func everyFrameMatchesItsSnapshot(_ testCase: Case) {
    assertSnapshot(Self.frames(testCase), named: testCase.description)
  }

  @Test func framesAreIdenticalRunAfterRun() {
    for testCase in Self.cases.prefix(2) { #expect(Self.frames(testCase) == Self.frames(testCase)) }
  }
}
