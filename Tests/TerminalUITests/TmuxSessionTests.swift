import Foundation
import Testing

/// The harness itself, on trivial commands.
@Suite(.timeLimit(.minutes(1))) struct TmuxSessionTests {
  @Test func showsOutputAndKeepsItAfterExit() throws {
    let session = try TmuxSession(["sh", "-c", "printf hello; sleep 5"])
    defer { session.kill() }
    let screen = try session.waitFor(text: "hello")
    #expect(screen.split(separator: "\n").first == "hello")
  }

  @Test func reportsTheExitStatus() throws {
    let session = try TmuxSession(["sh", "-c", "echo bye; exit 3"])
    defer { session.kill() }
    #expect(try session.exitStatus() == 3)
    #expect(try session.capture().contains("bye"))
  }

  @Test func sendsKeysAndLiteralText() throws {
    let session = try TmuxSession(["sh", "-c", #"read line; echo "got:$line""#])
    defer { session.kill() }
    try session.type("a <b> Left")
    try session.sendKeys("Enter")
    try session.waitFor(text: "got:a <b> Left")
    #expect(try session.exitStatus() == 0)
  }

  @Test func theProgramGetsSIGINTAndSIGWINCH() throws {
    let script =
      #"trap 'echo winch' WINCH; trap 'echo int; exit 7' INT; echo ready; while :; do sleep 0.05; done"#
    let session = try TmuxSession(["sh", "-c", script])
    defer { session.kill() }
    try session.waitFor(text: "ready")
    try session.resize(columns: 60, rows: 20)
    try session.waitFor(text: "winch")
    try session.sendKeys("C-c")
    try session.waitFor(text: "int")
    #expect(try session.exitStatus() == 7)
  }

  @Test func resizeChangesTheTerminalSize() throws {
    let session = try TmuxSession(
      ["sh", "-c", "while read line; do stty size; done"], columns: 100, rows: 30)
    defer { session.kill() }
    try session.sendKeys("Enter")
    try session.waitFor(text: "30 100")
    try session.resize(columns: 40, rows: 12)
    try session.sendKeys("Enter")
    try session.waitFor(text: "12 40")
  }

  @Test func capturesColoursAndUTF8() throws {
    let session = try TmuxSession(["sh", "-c", #"printf '\033[31mred\033[0m ∂x ╭─╮\n'; sleep 5"#])
    defer { session.kill() }
    try session.waitFor(text: "red ∂x ╭─╮")
    #expect(try session.capture(colors: true).contains("\u{1B}[31mred"))
  }

  @Test func queriesTerminalModes() throws {
    let session = try TmuxSession(["sh", "-c", #"printf '\033[?1049h\033[?25lfull screen'; sleep 5"#])
    defer { session.kill() }
    try session.waitFor(text: "full screen")
    #expect(try session.query("#{alternate_on} #{cursor_flag}") == "1 0")
  }

  @Test func findsTheProgramsProcess() throws {
    let session = try TmuxSession(["sleep", "30"])
    defer { session.kill() }
    let pid = try session.programPID()
    #expect(Foundation.kill(pid, SIGTERM) == 0)
    #expect(try session.exitStatus() == 128 + SIGTERM)
  }

  @Test func waitingTimesOutShowingTheScreen() throws {
    let session = try TmuxSession(["sh", "-c", "echo something else; sleep 5"])
    defer { session.kill() }
    try session.waitFor(text: "something")
    let error = #expect(throws: HarnessError.self) {
      try session.waitFor(text: "never", timeout: .milliseconds(200))
    }
    #expect(error?.description.contains("something else") == true)
  }

  @Test func killRemovesTheSocket() throws {
    let session = try TmuxSession(["sleep", "30"])
    #expect(FileManager.default.fileExists(atPath: session.socket))
    session.kill()
    #expect(!FileManager.default.fileExists(atPath: session.socket))
  }
}

/// Running commands without a terminal.
@Suite struct ChildProcessTests {
  @Test func capturesOutputErrorAndStatus() throws {
    let result = try ChildProcess.run(["sh", "-c", "echo out; echo err >&2; exit 4"])
    #expect(result.status == .exited(4))
    #expect(result.standardOutput == "out\n")
    #expect(result.standardError == "err\n")
  }

  @Test func standardInputIsEmptyAndNotATerminal() throws {
    let result = try ChildProcess.run(["sh", "-c", "cat; test -t 0 || echo no-tty"])
    #expect(result.standardOutput == "no-tty\n")
  }

  @Test func reportsDeathBySignal() throws {
    #expect(try ChildProcess.run(["sh", "-c", "kill -TERM $$"]).status == .signaled(SIGTERM))
  }

  @Test func killsCommandsThatOverrun() {
    #expect(throws: HarnessError.self) {
      try ChildProcess.run(["sleep", "10"], timeout: .milliseconds(100))
    }
  }
}
