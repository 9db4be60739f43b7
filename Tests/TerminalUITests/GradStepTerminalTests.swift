import Foundation
import Testing

/// The real `gradstep` in a terminal, compared cell for cell with its headless frames. Serialized:
/// a dozen terminals at once on a two-core machine make the timings flaky.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct GradStepTerminalTests {
  /// The key sequences issue 4 names, and zooming (issue 14), each checked at 80×24 and 120×40.
  static let keySequences = ["", "nnn", "b", "bppp", "onn", "?", "zn", "zz="]
  static let sizes = [(80, 24), (120, 40)]

  @Test func theBinaryIsBuilt() {
    #expect(GradStepBinary.isReady, "\(GradStepBinary.path) must exist and print headless frames")
  }

  @Test(arguments: keySequences)
  func everyKeySequenceMatchesHeadlessAtBothSizes(keys: String) throws {
    for (columns, rows) in Self.sizes {
      let session = try TmuxSession([GradStepBinary.path], columns: columns, rows: rows)
      defer { session.kill() }
      try expectScreen(session, equalsHeadless: "", columns: columns, rows: rows)
      for key in keys { try session.type(String(key)) }
      try expectScreen(session, equalsHeadless: keys, columns: columns, rows: rows)
    }
  }

  @Test func coloursReachTheTerminal() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("n")
    try expectScreen(session, equalsHeadless: "n", columns: 80, rows: 24)
    let coloured = try session.capture(colors: true)
    // The active function's label: black on magenta, bold (Theme.activeLabel).
    let activeLabel = coloured.split(separator: "\n").first {
      $0.contains("Square") && $0.contains("\u{1B}[")
    }
    #expect(activeLabel != nil)
    #expect(coloured.contains("45m") || coloured.contains(";45") || coloured.contains("[45"))
  }

  @Test func noColorGivesAMonochromeScreen() throws {
    let session = try TmuxSession(
      [GradStepBinary.path], columns: 80, rows: 24, environment: ["NO_COLOR": "1"])
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("n")
    try expectScreen(session, equalsHeadless: "n", columns: 80, rows: 24)
    let coloured = try session.capture(colors: true)
    for code in ["[31m", "[32m", "[33m", "[34m", "[35m", "[36m", "[45m", "[46m", ";35m", ";36m"] {
      #expect(!coloured.contains(code), "colour code \(code) with NO_COLOR")
    }
    #expect(coloured.contains("\u{1B}[1m") || coloured.contains("\u{1B}[7m"))
  }

  @Test func qQuitsWithTheTerminalRestored() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("nq")
    #expect(try session.exitStatus() == 0)
    #expect(try session.query("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
  }

  /// Esc never ends the session (and every what-if edit with it): with nothing open it only says
  /// so; `q` quits.
  @Test func escapeNeverQuits() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.sendKeys("Escape")
    try expectScreen(session, equalsHeadless: "<esc>", columns: 80, rows: 24)
    #expect(try session.capture().contains("q quits"))
    try session.type("q")
    #expect(try session.exitStatus() == 0)
  }

  /// Esc closes the help overlay first, then clears the selection, and then does nothing more.
  @Test func escapeClosesHelpThenTheSelectionAndNeverQuits() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("b?")
    try session.sendKeys("Tab")
    try expectScreen(session, equalsHeadless: "b?<tab>", columns: 80, rows: 24)
    try session.sendKeys("Escape")
    try expectScreen(session, equalsHeadless: "b?<tab><esc>", columns: 80, rows: 24)
    #expect(try session.capture().contains("selected x"))
    try session.sendKeys("Escape")
    try expectScreen(session, equalsHeadless: "b?<tab><esc><esc>", columns: 80, rows: 24)
    #expect(try !session.capture().contains("selected"))
    try session.sendKeys("Escape")
    try expectScreen(session, equalsHeadless: "b?<tab><esc><esc><esc>", columns: 80, rows: 24)
    try session.type("q")
    #expect(try session.exitStatus() == 0)
  }

  /// `/` searches as it is typed, Enter keeps the match and the view shows it, `N` goes to the
  /// next match, `$` and `^` jump to the graph's ends: the real terminal shows what headless does,
  /// at 80×24 and 120×40.
  @Test(arguments: [(80, 24), (120, 40)])
  func searchAndJumpKeysReachTheApp(columns: Int, rows: Int) throws {
    let rnn = [
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/Examples/rnn.grad").path
    ]
    let session = try TmuxSession([GradStepBinary.path] + rnn, columns: columns, rows: rows)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", arguments: rnn, columns: columns, rows: rows)
    try session.type("b/h1")
    try expectScreen(session, equalsHeadless: "b/h1", arguments: rnn, columns: columns, rows: rows)
    try session.sendKeys("Enter")
    try session.type("N")
    try expectScreen(session, equalsHeadless: "b/h1<enter>N", arguments: rnn, columns: columns, rows: rows)
    #expect(try session.capture().contains("match 2 of"))
    try session.sendKeys("Escape")
    try expectScreen(
      session, equalsHeadless: "b/h1<enter>N<esc>", arguments: rnn, columns: columns, rows: rows)
    try session.type("$")
    try expectScreen(
      session, equalsHeadless: "b/h1<enter>N<esc>$", arguments: rnn, columns: columns, rows: rows)
    try session.type("^q")
    #expect(try session.exitStatus() == 0)
  }

  /// The inspector's scroll keys reach the app: `]` a page, `j` and ↓ a line down, ↑ a line up.
  @Test func scrollKeysMoveTheInspector() throws {
    let linear = [
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/Examples/linear.grad").path
    ]
    let session = try TmuxSession([GradStepBinary.path] + linear, columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", arguments: linear, columns: 80, rows: 24)
    try session.type("b]j")
    try session.sendKeys("Down")
    try expectScreen(session, equalsHeadless: "b]j<down>", arguments: linear, columns: 80, rows: 24)
    #expect(try session.capture().contains("↑ 4 more"))
    try session.sendKeys("Up")
    try expectScreen(session, equalsHeadless: "b]j<down><up>", arguments: linear, columns: 80, rows: 24)
  }

  /// Escape quits only when pressed alone: Alt+key and sequences curses does not know (here a
  /// mouse report in a format it was not asked for) are dropped, not taken as Esc.
  @Test func escapeSequencesThatAreNotEscDoNotQuit() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.sendBytes(Array("\u{1B}[<0;42;8M\u{1B}[<0;42;8m".utf8))
    try session.sendBytes(Array("\u{1B}n".utf8))
    try session.type("n")
    try expectScreen(session, equalsHeadless: "n", columns: 80, rows: 24)
  }

  @Test func autoPlayStepsByItself() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("a")
    try session.waitFor(text: "step 2/7", timeout: .seconds(10))
  }

  @Test func resizingRedrawsForEachSize() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 120, rows: 40)
    defer { session.kill() }
    try session.type("nn")
    try expectScreen(session, equalsHeadless: "nn", columns: 120, rows: 40)
    try session.resize(columns: 80, rows: 24)
    try expectScreen(session, equalsHeadless: "nn", columns: 80, rows: 24)
    try session.resize(columns: 120, rows: 40)
    try expectScreen(session, equalsHeadless: "nn", columns: 120, rows: 40)
  }

  @Test func aTwentyBySixTerminalShowsTheSizeNeeded() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 20, rows: 6)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 20, rows: 6)
    let screen = try session.capture().replacingOccurrences(of: "\n", with: " ")
    #expect(screen.contains("40×12"))
    #expect(screen.contains("20×6"))
  }

  /// tmux sets TERM for the pane itself, so the test changes it with `env` right before gradstep.
  @Test(arguments: [["TERM=dumb"], ["TERM=no-such-terminal-type"], ["-u", "TERM"]])
  func unusableTerminalTypesAreRefused(environment: [String]) throws {
    let session = try TmuxSession(
      ["/usr/bin/env"] + environment + [GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    #expect(try session.exitStatus() == 2)
    let screen = try session.capture().replacingOccurrences(of: "\n", with: "")
    #expect(screen.contains("--headless"))
    #expect(!screen.contains("Error opening terminal"))
  }

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
    #expect(result.status == .exited(2))
    #expect(result.standardError.contains("standard input is not a terminal"))
    #expect(result.standardError.contains("--headless"))
    #expect(result.standardOutput.isEmpty)
  }

  @Test(arguments: [
    ["--headless", "--size", "80by24"], ["--headless", "--keys", "n<foo>"], ["--bogus"],
    ["--orientation", "up"],
  ])
  func badArgumentsExitWithTwo(arguments: [String]) throws {
    let result = try ChildProcess.run([GradStepBinary.path] + arguments)
    #expect(result.status == .exited(2))
    #expect(!result.standardError.isEmpty)
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
}
