import Autodiff
import Foundation
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// The optimisation examples against DeZero's float64 loops (`Fixtures/dezero_loops.py` and the
/// JSON it wrote): every iteration's loss and parameters to 1e-9.
@Suite struct OptimizationTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// DeZero's entries for example `name`: loss and each parameter's elements, flattened.
  static func dezero(_ name: String) throws -> [(loss: Double, parameters: [String: [Double]])] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("dezero_loops.json"))
    let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
    return try #require(all[name]).map { entry in
      let parameters = (entry["parameters"] as! [String: Any]).mapValues(flattened)
      return (entry["loss"] as! Double, parameters)
    }
  }

  private static func flattened(_ value: Any) -> [Double] {
    if let number = value as? Double { return [number] }
    return (value as! [Any]).flatMap(flattened)
  }

  static func run(_ name: String) throws -> (Optimization, Session) {
    let program = try ExampleTests.program(name)
    return try Optimization.run(program, on: Session(program: program))
  }

  @Test(arguments: ["rosenbrock", "newton", "regression", "xor_train"])
  func everyIterationMatchesDeZero(name: String) throws {
    let (run, _) = try Self.run(name)
    let expected = try Self.dezero(name)
    #expect(run.iterationCount == expected.count - 1)
    for (entry, reference) in expected.enumerated() where entry <= run.iterationCount {
      #expect(
        abs(run.losses[entry] - reference.loss) <= 1e-9 * max(1, abs(reference.loss)), "\(name) \(entry)")
      for (index, parameter) in run.names.enumerated() {
        let ours = run.parameterValues(at: entry)[index].scalars
        let theirs = try #require(reference.parameters[parameter])
        #expect(ours.count == theirs.count)
        for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= 1e-9, "\(name) \(entry) \(parameter)") }
      }
    }
  }

  @Test func newtonGivesTheBooksIterates() throws {
    let (run, _) = try Self.run("newton")
    #expect(
      run.path(of: 0).prefix(3) == [2.0, 1.4545454545454546, 1.1510467893775467])
    #expect(run.path(of: 0).last == 1.0)
  }

  @Test func xorStopsOnceTheLossIsBelowTheBound() throws {
    let (run, _) = try Self.run("xor_train")
    #expect(run.stoppedEarly)
    #expect(run.losses.last! < 0.01)
    #expect(run.losses.dropLast().allSatisfy { $0 >= 0.01 })
  }

  @Test func rosenbrockWritesItsLiteralsOnce() throws {
    let text = try String(
      contentsOf: ExampleTests.folder.appendingPathComponent("rosenbrock.grad"), encoding: .utf8)
    #expect(text.components(separatedBy: "1000").count == 2)
    #expect(text.components(separatedBy: "0.001").count == 2)
  }

  @Test func anIterationsSessionReplaysItsParameters() throws {
    let (run, session) = try Self.run("rosenbrock")
    #expect(session.graph.variables[session.graph.output].variable.data == Tensor(401))
    let later = session.atIteration(17, of: run)
    let x0 = try #require(later.graph.variables.firstIndex { $0.label == "x0" })
    #expect(later.data(of: x0) == run.parameterValues(at: 17)[0])
    var end = later
    end.move(to: end.stepCount)
    #expect(end.grad(of: x0)?.scalar.map { abs($0) > 0 } == true)
  }

  @Test func theTitleCountsIterationsAndTheKeysMoveBetweenThem() throws {
    let (run, session) = try Self.run("newton")
    let state = AppState(session: session, title: "newton.grad", optimization: run)
    var headless = HeadlessRun(app: App(state: state, screen: Screen()), columns: 80, rows: 24)
    let frame = headless.finalFrame(keys: try Key.parseScript(">>nn"))
    #expect(frame.plainText().split(separator: "\n")[0].contains("iteration 2/10 · step 2/"))
    #expect(headless.app.state.iteration == 2)
    _ = headless.finalFrame(keys: try Key.parseScript("<lt>"))
    #expect(headless.app.state.iteration == 1)
    _ = headless.finalFrame(keys: try Key.parseScript("}"))
    #expect(headless.app.state.iteration == 10)
    _ = headless.finalFrame(keys: try Key.parseScript("{"))
    #expect(headless.app.state.iteration == 0)
    _ = headless.finalFrame(keys: try Key.parseScript("i7<enter>"))
    #expect(headless.app.state.iteration == 7)
    _ = headless.finalFrame(keys: try Key.parseScript("i99<enter>"))
    #expect(headless.app.state.status == "type an iteration from 0 to 10")
  }

  @Test func theJSONHasEveryIteration() throws {
    let (run, session) = try Self.run("rosenbrock")
    let json = StateJSON.encode(AppState(session: session, title: "rosenbrock.grad", optimization: run))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let iterations = try #require(
      (object["optimization"] as? [String: Any])?["iterations"] as? [[String: Any]])
    #expect(iterations.count == 1001)
    #expect(iterations[0]["index"] as? Int == 0)
    #expect(iterations[0]["loss"] as? Double == 401)
    #expect(iterations[0]["parameters"] as? [String: Double] == ["x0": 0, "x1": 2])
    #expect(json.contains("{\"index\": 0, \"loss\": 401.0, \"parameters\": {\"x0\": 0.0, \"x1\": 2.0}}"))
  }
}
