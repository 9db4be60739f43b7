import Autodiff
import Foundation
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// Every program in `Assets/Examples`: snapshots of its first and last frames, and its gradients
/// against the numerical gradient.
@Suite struct ExampleTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assets/Examples")

  static let names: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".grad") }.map { String($0.dropLast(5)) }.sorted()
  }()

  static func program(_ name: String) throws -> Program {
    try Program.parse(String(contentsOf: folder.appendingPathComponent(name + ".grad"), encoding: .utf8))
  }

  /// The session of `program`, as `gradstep` builds it: statement order, the program's inputs.
  static func session(of program: Program) -> Session { Session(program: program) }

  @Test func theExamplesAreAllThere() {
    #expect(
      Set(Self.names).isSuperset(
        of: [
          "seed", "reuse", "diamond", "two_inputs", "neuron", "linear", "chain100", "wide", "rnn", "mlp",
        ]))
  }

  /// The models' examples at both standard sizes: the start, four steps in, and the end.
  @Test(arguments: ["rnn", "mlp"], ["80x24", "120x40"])
  func modelExamplesMatchTheirSnapshots(name: String, size: String) throws {
    let state = AppState(program: try Self.program(name), title: name + ".grad")
    let dimensions = size.split(separator: "x").map { Int($0)! }
    var run = HeadlessRun(
      app: App(state: state, screen: Screen()), columns: dimensions[0], rows: dimensions[1])
    let frames = run.frames(keys: try Key.parseScript("nnnnb"))
    assertSnapshot(
      [frames[0], frames[4], frames[5]].map { "── \($0.header)\n" + $0.frame.plainText() }.joined(
        separator: "\n"),
      named: "example-\(name)-\(size)")
  }

  @Test(arguments: names)
  func startAndEndFramesMatchTheirSnapshots(name: String) throws {
    let state = AppState(program: try Self.program(name), title: name + ".grad")
    var run = HeadlessRun(app: App(state: state, screen: Screen()), columns: 100, rows: 30)
    let frames = run.frames(keys: [.end])
    #expect(frames.count == 2)
    #expect(run.app.state.session.phase == .done)
    assertSnapshot(
      frames.map { "── \($0.header)\n" + $0.frame.plainText() }.joined(separator: "\n"),
      named: "example-" + name)
  }

  @Test(arguments: names)
  func gradientsAgreeWithTheNumericalGradient(name: String) throws {
    let program = try Self.program(name)
    let session = Self.session(of: program)
    #expect(session.gradientCheck.passed, "\(name): max error \(session.gradientCheck.maxAbsoluteError)")
    let full = gradientCheck(inputs: program.inputs.map(\.variable.data), program.rebuild(with:))
    #expect(full.passed, "\(name): max error \(full.maxAbsoluteError)")
  }
}
