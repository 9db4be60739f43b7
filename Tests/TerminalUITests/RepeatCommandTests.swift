import Foundation
import Testing

/// `gradstep` on programs with a `repeat` line: the loop examples run to their last iteration, the
/// JSON lists every iteration, and a step that is not finite stops with exit code 2 and the
/// iteration named.
@Suite struct RepeatCommandTests {
  private func gradstep(_ arguments: [String]) throws -> ProcessResult {
    try ChildProcess.run([GradStepBinary.path] + arguments, timeout: .seconds(60))
  }

  @Test(arguments: [("rosenbrock", 1000), ("newton", 10), ("regression", 100), ("xor_train", 55)])
  func theLoopExamplesRunToTheirLastIteration(name: String, iterations: Int) throws {
    let path = CommandLineTests.examples.appendingPathComponent(name + ".grad").path
    let result = try gradstep([path, "--headless", "--size", "120x40", "--keys", "}b"])
    #expect(result.status == .exited(0))
    #expect(result.standardOutput.contains("iteration \(iterations)/\(iterations) · step"))
    #expect(result.standardOutput.contains("· done"))
  }

  @Test func theJSONListsEveryIteration() throws {
    let path = CommandLineTests.examples.appendingPathComponent("newton.grad").path
    let result = try gradstep([path, "--json"])
    #expect(result.status == .exited(0))
    #expect(result.standardOutput.contains("\"optimization\": {"))
    #expect(
      result.standardOutput.contains(
        "{\"index\": 1, \"loss\": 0.2447920224028417, \"parameters\": {\"x\": 1.4545454545454546}}"))
  }

  @Test func aStepThatIsNotFiniteIsAnErrorNamingTheIteration() throws {
    let result = try gradstep(["-e", "x = 0; y = sqrt(x); repeat 5: x -= grad(y, x)", "--headless"])
    #expect(result.status == .exited(2))
    #expect(
      result.standardError.contains(
        "-e:1:31: error: iteration 0: the new value of x is -inf, not a finite number; the loop stops here"))
  }
}
