import Foundation
import Testing

/// The real `gradstep` survives resizes, floods of keys and signals, and always exits promptly
/// with the terminal restored (issue 13: one resize used to make the input loop spin forever,
/// deaf to keys and signals). Each case runs on the seed and on `wide.grad`.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ResizeAndSignalTests {
  /// The programs: the built-in seed, and a wider graph with fan-out.
  static let programs: [[String]] = [[], [ExampleFile.path("wide.grad")]]

  @Test(arguments: programs)
  func oneResizeThenQuit(program: [String]) throws {
    let session = try startedSession(program)
    defer { session.kill() }
    try session.resize(columns: 60, rows: 20)
    try session.type("q")
    try expectPromptExit(session, status: 0)
  }

  @Test(arguments: programs)
  func shrinkingBelowTheMinimumAndBackThenQuit(program: [String]) throws {
    let session = try startedSession(program)
    defer { session.kill() }
    try session.resize(columns: 20, rows: 6)
    try session.waitFor(text: "needs")
    try session.type("n")
    try session.resize(columns: 100, rows: 30)
    try session.waitFor(text: "step 1/")
    try session.type("q")
    try expectPromptExit(session, status: 0)
  }

  @Test(arguments: programs)
  func twoHundredResizesMixedWithFiveHundredKeysThenQuit(program: [String]) throws {
    let session = try startedSession(program)
    defer { session.kill() }
    let keys = Array("npnoHJKLlhfgb?p")
    var sent = 0
    for turn in 0..<200 {
      try session.resize(columns: 30 + (turn * 37) % 100, rows: 8 + (turn * 13) % 35)
      let count = turn < 100 ? 3 : 2  // 300 + 200 = 500 keys
      try session.type(String((0..<count).map { keys[(sent + $0) % keys.count] }))
      sent += count
    }
    #expect(sent == 500)
    try session.resize(columns: 100, rows: 30)
    try session.type("q")
    try expectPromptExit(session, status: 0)
  }

  @Test(arguments: programs, [SIGINT, SIGTERM, SIGHUP])
  func signalsAfterResizes(program: [String], signal: Int32) throws {
    let session = try startedSession(program)
    defer { session.kill() }
    for (columns, rows) in [(60, 20), (20, 6), (120, 40), (80, 24)] {
      try session.resize(columns: columns, rows: rows)
    }
    try session.type("n")
    try session.waitFor(text: "step 1/")
    try send(signal, to: session)
    try expectPromptExit(session, status: 128 + signal)
  }

  @Test(arguments: programs, [SIGINT, SIGTERM, SIGHUP])
  func signalsDuringAutoPlay(program: [String], signal: Int32) throws {
    let session = try startedSession(program)
    defer { session.kill() }
    try session.type("a")
    try session.waitFor(text: "step 1/")
    try session.resize(columns: 90, rows: 28)
    try session.type("?")
    try session.waitFor(text: "show / hide")
    try send(signal, to: session)
    try expectPromptExit(session, status: 128 + signal)
  }

  /// A session of `program` at 100×30, once its first frame is on screen.
  private func startedSession(_ program: [String]) throws -> TmuxSession {
    let session = try TmuxSession([GradStepBinary.path] + program, columns: 100, rows: 30)
    try session.waitFor(text: "step 0/")
    return session
  }

  /// Ctrl-C typed in the terminal for SIGINT; `kill` for the others.
  private func send(_ signal: Int32, to session: TmuxSession) throws {
    if signal == SIGINT {
      try session.sendKeys("C-c")
    } else {
      kill(try session.programPID(), signal)
    }
  }

  /// The program is gone within a second, with `status`, and left the main screen, the cursor
  /// and no mouse reporting behind.
  private func expectPromptExit(_ session: TmuxSession, status: Int32) throws {
    #expect(try session.exitStatus(timeout: .seconds(1)) == status)
    #expect(try session.query("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
  }
}

/// Paths of the example programs in `Assets/Examples`.
enum ExampleFile {
  /// The path of example `name`.
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // TerminalUITests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // the package
      .appendingPathComponent("Assets/Examples/\(name)").path
  }
}

/// A program read from a pipe (`gradstep -`): the keys then come from the terminal itself.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ProgramFromPipeTests {
  @Test func keysComeFromTheTerminalWhenTheProgramComesFromAPipe() throws {
    let command = [
      "/bin/sh", "-c", #"cat "$0" | "$1" -"#, ExampleFile.path("diamond.grad"), GradStepBinary.path,
    ]
    let session = try TmuxSession(command, columns: 100, rows: 30)
    defer { session.kill() }
    try session.waitFor(text: "GradStep · <stdin>")
    try session.type("n")
    try session.waitFor(text: "step 1/")
    try session.resize(columns: 80, rows: 24)
    try session.type("q")
    #expect(try session.exitStatus(timeout: .seconds(1)) == 0)
    #expect(try session.query("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
  }
}
