import Testing
import Visualizer

@Suite struct KeyScriptTests {
  @Test func plainCharactersAreThemselves() throws {
    #expect(
      try Key.parseScript("nN ?") == [.character("n"), .character("N"), .character(" "), .character("?")])
    #expect(try Key.parseScript("") == [])
    #expect(try Key.parseScript("a\n\t\u{1B}") == [.character("a"), .enter, .tab, .escape])
  }

  @Test func everyNameParses() throws {
    let script =
      "<left><right><up><down><S-left><S-right><S-up><S-down><home><end><pgup><pgdn>"
      + "<tab><backtab><enter><esc><space><lt>"
    let expected: [Key] = [
      .left, .right, .up, .down, .shiftLeft, .shiftRight, .shiftUp, .shiftDown, .home, .end,
      .pageUp, .pageDown, .tab, .backTab, .enter, .escape, .character(" "), .character("<"),
    ]
    #expect(try Key.parseScript(script) == expected)
    #expect(expected.map(\.scriptName).joined() == script)
  }

  @Test func clicks() throws {
    #expect(try Key.parseScript("x<click:12,0>>") == [.character("x"), .click(x: 12, y: 0), .character(">")])
    #expect(Key.click(x: 3, y: 4).description == "<click:3,4>")
  }

  @Test func editsAndTheEditorKeys() throws {
    #expect(
      try Key.parseScript("<tab><edit:0.7>n<edit:W=[[1, 0], [0, 1]]><bs><C-u>") == [
        .tab, .edit(variable: nil, value: "0.7"), .character("n"),
        .edit(variable: "W", value: "[[1, 0], [0, 1]]"), .backspace, .clearLine,
      ])
    #expect(try Key.parseScript("<edit:>") == [.edit(variable: nil, value: "")])
    let keys: [Key] = [.edit(variable: "x", value: "-1e-3"), .edit(variable: nil, value: "2"), .backspace]
    #expect(keys.map(\.scriptName) == ["<edit:x=-1e-3>", "<edit:2>", "<bs>"])
    #expect(try Key.parseScript(keys.map(\.scriptName).joined()) == keys)
    #expect(throws: KeyScriptError(reason: .unknownName("edit:=1"), column: 2)) {
      try Key.parseScript("n<edit:=1>")
    }
  }

  @Test func scriptNamesRoundTrip() throws {
    let keys: [Key] = [.character("n"), .character(" "), .character("<"), .character(">"), .pageDown]
    #expect(keys.map(\.scriptName) == ["n", "<space>", "<lt>", ">", "<pgdn>"])
    #expect(try Key.parseScript(keys.map(\.scriptName).joined()) == keys)
  }

  @Test(arguments: [
    ("nnn<foo>", KeyScriptError(reason: .unknownName("foo"), column: 4)),
    ("<LEFT>", KeyScriptError(reason: .unknownName("LEFT"), column: 1)),
    ("<click:1>", KeyScriptError(reason: .unknownName("click:1"), column: 1)),
    ("<click:-1,2>", KeyScriptError(reason: .unknownName("click:-1,2"), column: 1)),
    ("ab<left", KeyScriptError(reason: .unclosedBracket, column: 3)),
    ("<>", KeyScriptError(reason: .unknownName(""), column: 1)),
  ])
  func errorsSayWhatAndWhere(script: String, error: KeyScriptError) {
    #expect(throws: error) { try Key.parseScript(script) }
  }

  @Test func errorMessagesListTheKnownNames() {
    let unknown = KeyScriptError(reason: .unknownName("foo"), column: 4).description
    #expect(unknown.hasPrefix("unknown key name <foo> at column 4 of --keys; known names: <left>, <right>, "))
    #expect(unknown.hasSuffix("<space>, <lt>, <click:X,Y>, <edit:VALUE>, <edit:NAME=VALUE>"))
    let unclosed = KeyScriptError(reason: .unclosedBracket, column: 3).description
    #expect(unclosed.hasPrefix("unclosed < at column 3 of --keys (write <lt> for a literal <)"))
  }
}
