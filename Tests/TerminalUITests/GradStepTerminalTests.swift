import Foundation
import Testing

/// The real `gradstep` in a terminal. Skipped until the app has its headless mode.
@Suite(
  .enabled(if: GradStepBinary.isReady, "needs gradstep with --headless (\(GradStepBinary.path))"),
  .timeLimit(.minutes(1)))
struct GradStepTerminalTests {
  @Test func headlessPrintsAFrameOfTheSizeAsked() throws {
    let result = try GradStepBinary.headless(keys: "", columns: 80, rows: 24)
    #expect(result.status == .exited(0))
    let lines = frameLines(result.standardOutput)
    #expect(lines.count == 24)
    #expect(lines.allSatisfy { $0.count <= 80 })
  }

  @Test func headlessNamesAnUnknownKey() throws {
    let result = try GradStepBinary.headless(keys: "nn<foo>")
    #expect(result.status != .exited(0))
    #expect(result.standardError.contains("unknown key name <foo> at column 3"))
  }

  @Test func interactiveModeNeedsATerminal() throws {
    let result = try ChildProcess.run([GradStepBinary.path])
    #expect(result.status != .exited(0))
    #expect(result.standardError.contains("--headless"))
  }

  @Test func screenMatchesTheHeadlessFrame() throws {
    let session = try TmuxSession([GradStepBinary.path])
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "")
    try session.type("nnn")
    try expectScreen(session, equalsHeadless: "nnn")
  }

  @Test func tooSmallShowsTheSizeNeededAndRecovers() throws {
    let session = try TmuxSession([GradStepBinary.path])
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "")
    try session.resize(columns: 20, rows: 6)
    try session.waitFor(text: "needs")
    try session.resize(columns: 100, rows: 30)
    try expectScreen(session, equalsHeadless: "")
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func signalsRestoreTheTerminal(signal: Int32) throws {
    let session = try TmuxSession([GradStepBinary.path])
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "")
    if signal == SIGINT {
      try session.sendKeys("C-c")
    } else {
      kill(try session.programPID(), signal)
    }
    #expect(try session.exitStatus() == 128 + signal)
    #expect(try session.query("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
  }

  /// Waits until the screen shows what `gradstep --headless` prints for `keys` at its size.
  private func expectScreen(_ session: TmuxSession, equalsHeadless keys: String) throws {
    let expected = frameLines(try GradStepBinary.headless(keys: keys).standardOutput)
    try session.waitUntil("the screen to match the headless frame for keys \"\(keys)\"") {
      frameLines($0) == expected
    }
  }

  /// A frame's lines without trailing spaces, and without the empty lines at the end (tmux
  /// and the headless output differ in those).
  private func frameLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    while lines.last == "" { lines.removeLast() }
    return lines
  }
}
