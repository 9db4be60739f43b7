import Foundation
import Testing

/// Issue 11's what-if keys in the real terminal: `e` opens the value editor (Backspace, Ctrl-U,
/// Enter, Esc reach it), `+` and `-` nudge the selected input, `*` and `/` scale the step; each
/// screen equal to the headless frame of the same keys. Serialized, as the other terminal tests.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct WhatIfTerminalTests {
  @Test func eOpensTheEditorAndEnterRecomputesAtTheSameStep() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("b")
    try session.sendKeys("Tab")
    try session.type("e")
    try expectScreen(session, equalsHeadless: "b<tab>e", columns: 80, rows: 24)
    try session.sendKeys("BSpace", "BSpace", "BSpace")
    try session.type("0.7")
    try expectScreen(session, equalsHeadless: "b<tab>e<bs><bs><bs>0.7", columns: 80, rows: 24)
    try session.sendKeys("Enter")
    try expectScreen(session, equalsHeadless: "b<tab><edit:0.7>", columns: 80, rows: 24)
    let screen = try session.capture()
    #expect(screen.contains("x = 0.7 (was 0.5): 4 variables changed"))
    #expect(screen.contains("grad = 7.4604774774023666"))
  }

  @Test func ctrlUClearsAndEscCancels() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.sendKeys("Tab")
    try session.type("e")
    try session.sendKeys("C-u")
    try session.type("2q")
    try expectScreen(session, equalsHeadless: "<tab>e<C-u>2q", columns: 80, rows: 24)
    try session.sendKeys("Escape")
    try expectScreen(session, equalsHeadless: "<tab>e<C-u>2q<esc>", columns: 80, rows: 24)
    #expect(try session.capture().contains("selected x"), "Esc closed the editor, nothing more")
  }

  @Test func plusAndMinusNudgeTheSelectedInput() throws {
    let session = try TmuxSession([GradStepBinary.path], columns: 80, rows: 24)
    defer { session.kill() }
    try expectScreen(session, equalsHeadless: "", columns: 80, rows: 24)
    try session.type("b")
    try session.sendKeys("Tab")
    try session.type("+")
    try expectScreen(session, equalsHeadless: "b<tab>+", columns: 80, rows: 24)
    #expect(try session.capture().contains("x = 0.6 (was 0.5)"))
    try session.type(".-")
    try expectScreen(session, equalsHeadless: "b<tab>+.-", columns: 80, rows: 24)
    #expect(try session.capture().contains("x = -0.4 (was 0.6)"))
    try session.type(",")
    try session.waitFor(text: "nudge step 0.1")
  }
}
