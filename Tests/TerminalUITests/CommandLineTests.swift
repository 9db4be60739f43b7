import Foundation
import Testing

/// `gradstep` as a command: programs from files, `-e` and `--set`, the built-in seed, and every
/// bad input giving a located message on stderr and exit code 2 (never a crash or a hang).
@Suite struct CommandLineTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assets/Examples")

  /// Runs the debug binary; `timeout` is a hang guard, generous for the big inputs because the
  /// whole suite shares the machine's cores.
  private func gradstep(_ arguments: [String], timeout: Duration = .seconds(30)) throws -> ProcessResult {
    try ChildProcess.run([GradStepBinary.path] + arguments, timeout: timeout)
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

  @Test(arguments: [
    "seed", "reuse", "diamond", "two_inputs", "neuron", "linear", "chain100", "wide", "rnn", "mlp",
    "generations", "retain_grad", "cleargrad", "double_backward",
  ])
  func everyExampleOpensAndStepsToTheEnd(name: String) throws {
    let path = Self.examples.appendingPathComponent(name + ".grad").path
    let keys = "b" + String(repeating: "]", count: 8)
    let result = try gradstep([path, "--headless", "--size", "120x40", "--keys", keys, "--all-frames"])
    #expect(result.status == .exited(0))
    #expect(result.standardOutput.contains("· done"))
    #expect(result.standardOutput.contains("✓ pass"))
    #expect(!result.standardOutput.contains("FAIL"))
  }

  /// Each example's Start screen shows its lesson: the start of its leading comment, at 80×24 and
  /// 120×40.
  @Test(arguments: [
    "seed", "reuse", "diamond", "two_inputs", "neuron", "linear", "chain100", "wide", "rnn", "mlp",
    "generations", "retain_grad", "cleargrad", "double_backward",
  ])
  func everyExamplesStartScreenShowsItsLesson(name: String) throws {
    let url = Self.examples.appendingPathComponent(name + ".grad")
    let text = try String(contentsOf: url, encoding: .utf8)
    let lesson = text.split(separator: "\n").first { $0.hasPrefix("#") }!.dropFirst(2)
    let opening = lesson.split(separator: " ").prefix(4).joined(separator: " ")
    for size in ["80x24", "120x40"] {
      let result = try gradstep([url.path, "--headless", "--size", size])
      #expect(result.status == .exited(0))
      let screen = result.standardOutput.replacingOccurrences(of: "Start  ", with: "Start ")
      #expect(screen.contains("Start " + opening), "\(name) at \(size)")
    }
  }

  @Test func versionIsAnOption() throws {
    let result = try gradstep(["--version"])
    #expect(result.status == .exited(0))
    #expect(result.standardOutput.hasPrefix("gradstep "))
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
    ("x = [1, 2]\ny = x[2]", "-e:2:6: error: GetItem: index 2 out of range for axis 0 of shape (2,)"),
    ("x = (((((", "-e:1:"),
    ("x = 1\nz = 2\ny = exp(z)\ng = grad(y, x)", "-e:4:10: error: grad(y, x): 'y' does not depend on 'x'"),
    (
      "x = 1\na = x*x\ng = grad(a, a)",
      "-e:3:5: error: the gradient of 'a' with respect to 'a' is the constant 1.0"
    ),
    ("x = 1\ny = x*x\ncleargrad", "-e:3:1: error: cleargrad before any backward"),
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
    (["/tmp", "--headless"], "cannot open program '/tmp': it is a directory"),
    (
      ["--set", "x=1", "--set", "x=2", "--headless"],
      "--set:1:1: error: 'x' is set twice: first x=1, then x=2"
    ),
    (
      ["-e", "v = [1, 2, 3]; y = sum(v)", "--set", "v=2", "--headless"],
      "-e:1:1: error: --set v has shape (), but input 'v' has shape (3,)"
    ),
    (
      ["-e", "x = 0.5; y = x*x", "--set", "x=[1, 2]", "--json"],
      "--set x has shape (2,), but input 'x' has shape ()"
    ),
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

  /// Runs `script` with `sh -c`, `$0` being the binary and `$1`… the `arguments`.
  private func shell(_ script: String, _ arguments: [String] = []) throws -> ProcessResult {
    try ChildProcess.run(["/bin/sh", "-c", script, GradStepBinary.path] + arguments, timeout: .seconds(30))
  }

  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("gradstep-\(getpid())-\(name)").path
  }

  /// `-`, `/dev/stdin` and a FIFO all read the program from a pipe; errors name `<stdin>`.
  @Test func programsComeFromStandardInputAndPipes() throws {
    let program = "x = 3\ny = x*x + x*x\n"
    let expected = "{\"name\": \"x\", \"shape\": [], \"data\": 3.0, \"grad\": 12.0}"
    let dash = try shell("printf '%s' \"$1\" | \"$0\" - --json --keys b", [program])
    #expect(dash.status == .exited(0), "\(dash.standardError)")
    #expect(dash.standardOutput.contains(expected))
    let device = try shell("printf '%s' \"$1\" | \"$0\" /dev/stdin --headless --keys b", [program])
    #expect(device.status == .exited(0), "\(device.standardError)")
    #expect(device.standardOutput.contains("· done"))
    let fifo = temporaryPath("fifo.grad")
    defer { unlink(fifo) }
    let named = try shell(
      "mkfifo \"$2\" && { printf '%s' \"$1\" > \"$2\" & } && \"$0\" \"$2\" --json --keys b", [program, fifo])
    #expect(named.status == .exited(0), "\(named.standardError)")
    #expect(named.standardOutput.contains(expected))
    let broken = try shell("printf 'x = 1\\ny = exp(q)\\n' | \"$0\" - --headless")
    #expect(broken.status == .exited(2))
    #expect(
      broken.standardError.hasPrefix("<stdin>:2:9: error: undefined name 'q'"), "\(broken.standardError)")
    let empty = try shell("\"$0\" - --headless < /dev/null")
    #expect(empty.status == .exited(2))
    #expect(empty.standardError.contains("<stdin>:1:1: error: nothing to compute"), "\(empty.standardError)")
  }

  /// Past 32 MiB a program is refused before it is read (a file) or as soon as the pipe passes
  /// the limit, with exit 2 and the limit named.
  @Test func oversizedProgramsAreRefusedWithTheLimitNamed() throws {
    let path = temporaryPath("huge.grad")
    defer { unlink(path) }
    #expect(truncate(path, 0) == 0 || FileManager.default.createFile(atPath: path, contents: nil))
    #expect(truncate(path, 40_000_000) == 0)
    let file = try gradstep([path, "--headless"])
    #expect(file.status == .exited(2))
    #expect(
      file.standardError.contains(
        "the program is 40,000,000 bytes, over GradStep's limit of 33,554,432 bytes (32 MiB)"),
      "\(file.standardError)")
    let pipe = try shell("head -c 40000000 /dev/zero | tr '\\0' '\\n' | \"$0\" - --headless")
    #expect(pipe.status == .exited(2))
    #expect(pipe.standardError.contains("more than 33,554,432 bytes"), "\(pipe.standardError)")
  }

  /// More than 1,000,000 variables: refused at the place where the limit is passed (ten lines of
  /// 99,999 additions and `x` make 999,991; the tenth `+` of line 12, at column 45, is one too many).
  @Test func programsWithTooManyVariablesAreRefused() throws {
    let path = temporaryPath("wide.grad")
    defer { unlink(path) }
    let line = "y = x" + String(repeating: " + x", count: 99_999) + "\n"
    let text = "x = 1\n" + (1...11).map { "y\($0)" + line.dropFirst() }.joined()
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let result = try gradstep([path, "--headless"], timeout: .seconds(180))
    #expect(result.status == .exited(2))
    #expect(
      result.standardError.contains(
        "wide.grad:12:45: error: the program has more than 1,000,000 variables"),
      "\(result.standardError.prefix(300))")
  }
}
