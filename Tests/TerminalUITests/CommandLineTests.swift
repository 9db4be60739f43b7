import Foundation
import Testing

/// `gradstep` as a command: programs from files, `-e` and `--set`, the built-in seed, and every
/// bad input giving a located message on stderr and exit code 2 (never a crash or a hang).
@Suite struct CommandLineTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assets/Examples")

  private func gradstep(_ arguments: [String]) throws -> ProcessResult {
    try ChildProcess.run([GradStepBinary.path] + arguments, timeout: .seconds(30))
  }

  @Test func theBuiltInSeedIsTheSeedExample() throws {
    let builtIn = try gradstep(["--json", "--keys", "b"])
    let file = try gradstep([Self.examples.appendingPathComponent("seed.grad").path, "--json", "--keys", "b"])
    #expect(builtIn.status == .exited(0))
    #expect(builtIn.standardOutput == file.standardOutput)
    #expect(builtIn.standardOutput.contains("\"grad\": 3.297442541400256"))
    let screen = try gradstep(["--headless"])
    #expect(screen.standardOutput.contains("GradStep · seed.grad"))
  }

  @Test(arguments: ["seed", "reuse", "diamond", "two_inputs", "neuron", "linear", "chain100", "wide"])
  func everyExampleOpensAndStepsToTheEnd(name: String) throws {
    let path = Self.examples.appendingPathComponent(name + ".grad").path
    let result = try gradstep([path, "--headless", "--size", "120x40", "--keys", "b"])
    #expect(result.status == .exited(0))
    #expect(result.standardOutput.contains("· done"))
    #expect(result.standardOutput.contains("✓ pass"))
    #expect(!result.standardOutput.contains("FAIL"))
  }

  @Test func inlineProgramsAndOverrides() throws {
    let inline = try gradstep(["-e", "x = 3; y = x*x + x*x", "--json", "--keys", "b"])
    #expect(inline.status == .exited(0))
    #expect(inline.standardOutput.contains("{\"name\": \"x\", \"shape\": [], \"data\": 3.0, \"grad\": 12.0}"))
    let overridden = try gradstep(["--set", "x=2", "--json", "--keys", "b"])
    #expect(overridden.standardOutput.contains("{\"name\": \"x\", \"shape\": [], \"data\": 2.0"))
    let tensor = try gradstep([
      "-e", "v = [1, 2]; y = sum(v * v)", "--set", "v=[3, 4]", "--json", "--keys", "b",
    ])
    #expect(tensor.standardOutput.contains("\"data\": [3.0, 4.0], \"grad\": [6.0, 8.0]"))
  }

  /// Each broken program: exit 2, `file:line:column: error:` on stderr with the line and a caret.
  @Test(arguments: [
    ("x = 0.5\ny = exp(z)", "-e:2:9: error: undefined name 'z'"),
    ("x = 0.5\ny = sqaure(x)", "did you mean 'square'"),
    ("x = [1, 2]\ny = [1, 2, 3]\nz = x + y", "cannot broadcast shapes (2,) and (3,)"),
    ("x = 1\nx = 2", "assigned twice"),
    ("# nothing", "-e:"),
    ("x = 1e999\ny = x*x", "-e:1:5:"),
    ("x = 2\ny = square(x, x)", "takes 1 argument"),
    ("x = 2\ny = x ^ x", "-e:2:"),
    ("x = (((((", "-e:1:"),
  ])
  func brokenProgramsSayWhatAndWhere(program: String, message: String) throws {
    let result = try gradstep(["-e", program, "--headless"])
    #expect(result.status == .exited(2))
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardError.contains("^"))
    #expect(result.standardOutput.isEmpty)
  }

  @Test func aFileThatIsNotUTF8IsRejectedWithItsPlace() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-binary-\(getpid()).grad")
    try Data([0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A, 0x79, 0x20, 0x3D, 0xFF, 0xFE]).write(to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    let result = try gradstep([path.path, "--headless"])
    #expect(result.status == .exited(2))
    #expect(result.standardError.contains("gradstep-binary-\(getpid()).grad:2:"))
    #expect(result.standardError.contains("UTF-8"))
  }

  @Test(arguments: [
    (["/no/such/file.grad"], "no such file"),
    (["-e", "x = 1; y = x*x", Self.examples.appendingPathComponent("seed.grad").path], "not both"),
    (["--set", "q=1", "--headless"], "not an input"),
    (["--set", "x=", "--headless"], "--set"),
    (["--headless", "--size", "80x"], "bad --size"),
    (["--headless", "--keys", "<nope>"], "unknown key name <nope>"),
  ])
  func badArgumentsExplainThemselves(arguments: [String], message: String) throws {
    let result = try gradstep(arguments)
    #expect(result.status == .exited(2))
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }

  /// The frame pictured in README.md is what the command prints today.
  @Test func theReadmePictureIsCurrent() throws {
    let readme = try String(
      contentsOf: Self.examples.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md"), encoding: .utf8)
    let frame = try gradstep(["--headless", "--keys", "nnnnnn"]).standardOutput
    #expect(readme.contains("```\n" + frame + "```"))
  }
}
