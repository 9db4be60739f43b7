import Autodiff
import Foundation
import GraphProgram
import Testing

/// Errors outside the program's statements, and how lines are quoted.
@Suite struct ErrorRenderingTests {
  func rendered(_ body: () throws(ProgramError) -> Void, fileName: String? = nil) -> String {
    do throws(ProgramError) {
      try body()
      return "no error"
    } catch {
      return error.render(fileName: fileName)
    }
  }

  @Test func withoutAFileName() {
    #expect(
      renderedError("x = 1\ny = exp(z)") == """
        2:9: error: undefined name 'z'
          y = exp(z)
                  ^
        """)
    let error = #expect(throws: ProgramError.self) { try Program.parse("x = 1\ny = exp(z)") }
    #expect(error?.line == 2)
    #expect(error?.column == 9)
    #expect(error?.message == "undefined name 'z'")
    #expect(error?.description == error?.render())
  }

  @Test func invalidUTF8IsLocatedByLineAndColumn() {
    let bytes = Array("x = 1\ny = eθ".utf8) + [0xFF] + Array("p(x)".utf8)
    #expect(
      rendered({ () throws(ProgramError) in _ = try Program.parse(bytes: bytes) }, fileName: "t.grad") == """
        t.grad:2:7: error: invalid UTF-8: byte 0xFF at offset 13
          y = eθ\u{FFFD}p(x)
                ^
        """)
    let truncated = Data(Array("x = 1\ny = exp(x) # é".utf8).dropLast())
    #expect(
      rendered { () throws(ProgramError) in _ = try Program.parse(bytes: truncated) } == """
        2:14: error: invalid UTF-8: byte 0xC3 at offset 19
          y = exp(x) # \u{FFFD}
                       ^
        """)
  }

  @Test func settingANameThatIsNotAnInput() {
    #expect(
      renderedError("x = 1\na = exp(x)", fileName: "t.grad", overrides: ["a": Tensor(1), "q": Tensor(2)])
        == "t.grad: error: cannot set 'a': it is not an input; inputs are x")
    #expect(
      renderedError("y = exp(2)", overrides: ["x": Tensor(1)])
        == "error: cannot set 'x': it is not an input; the program has no inputs")
  }

  @Test func anOverrideMustKeepTheInputsShape() {
    #expect(
      renderedError(
        "v = [1, 2]\nw = [3, 4]\ny = v * w", fileName: "t.grad", overrides: ["v": Tensor([1, 2, 3])])
          == """
          t.grad:1:1: error: --set v has shape (3,), but input 'v' has shape (2,); give a value of the same shape
            v = [1, 2]
            ^
          """)
    #expect(renderedError("v = [1, 2]\ny = sum(v)", overrides: ["v": Tensor(2)]).contains("shape (), but"))
    #expect(renderedError("x = 1\ny = x * x", overrides: ["x": Tensor([1, 2])]).contains("shape (2,), but"))
    #expect(renderedError("x = 1\ny = x * x", overrides: ["x": Tensor(3)]) == "no error")
  }

  @Test func anInputSetTwiceIsAnError() throws {
    #expect(
      rendered(
        { () throws(ProgramError) in _ = try Program.parseOverrides(["x=1", "y=3", " x = 2"]) },
        fileName: "--set") == """
          --set:1:2: error: 'x' is set twice: first x=1, then  x = 2; give each input one value
             x = 2
             ^
          """)
    #expect(try Program.parseOverrides(["x=1", "v=[1, 2]"]) == ["x": Tensor(1), "v": Tensor([1, 2])])
  }

  @Test func aModelsInputNamesThatAreNotIdentifiersCanBeSet() throws {
    #expect(
      try Program.parseOverrides(["onnx::Gemm_0=[1, 2]", " input.1 = 3", "/l1/Gemm_output_0=-1"]) == [
        "onnx::Gemm_0": Tensor([1, 2]), "input.1": Tensor(3), "/l1/Gemm_output_0": Tensor(-1),
      ])
    #expect(
      rendered(
        { () throws(ProgramError) in _ = try Program.parseOverrides(["input.1=[1, x]"]) },
        fileName: "--set") == """
          --set:1:13: error: expected a number in the list, found name 'x'
            input.1=[1, x]
                        ^
          """)
  }

  @Test(arguments: [
    ("x", "--set:1:2: error: expected '=' after 'x', found end of line\n  x\n   ^"),
    ("=1", "--set:1:1: error: expected 'name=value', as in x=0.7 or v=[1,2]; found '='\n  =1\n  ^"),
    ("x=", "--set:1:3: error: expected a number in the value, found end of line\n  x=\n    ^"),
    ("x=y", "--set:1:3: error: expected a number in the value, found name 'y'\n  x=y\n    ^"),
    ("x=1 2", "--set:1:5: error: expected end of the value, found number '2'\n  x=1 2\n      ^"),
    (
      "x=1e999",
      "--set:1:3: error: number '1e999' is not finite; values must be finite numbers\n  x=1e999\n    ^~~~~"
    ),
    (
      "x=nan",
      "--set:1:3: error: 'nan' is not a finite number; values must be finite numbers\n  x=nan\n    ^~~"
    ),
    (
      "v=[1,2",
      "--set:1:7: error: unterminated list; expected ']' to close the '[' at 1:3\n  v=[1,2\n        ^"
    ),
    (
      "v=[[1],[2,3]]",
      "--set:1:8: error: ragged list: this item is a list of shape (2,) but the first is a list of shape (1,)\n  v=[[1],[2,3]]\n         ^~~~~"
    ),
    ("x=1$", "--set:1:4: error: unexpected character '$'\n  x=1$\n     ^"),
  ])
  func badOverrideArguments(argument: String, expected: String) {
    #expect(
      rendered({ () throws(ProgramError) in _ = try Program.parseOverride(argument) }, fileName: "--set")
        == expected)
  }

  @Test func longLinesAreCutAroundTheCaret() {
    let line =
      "y = " + Array(repeating: "x", count: 100).joined(separator: " + ") + " + z + "
      + String(repeating: "1 + ", count: 50) + "1"
    let text = "x = 1\n" + line
    let column = line.distance(from: line.startIndex, to: line.firstIndex(of: "z")!) + 1
    let lines = renderedError(text).split(separator: "\n").map(String.init)
    #expect(lines[0] == "2:\(column): error: undefined name 'z'")
    #expect(lines[1].hasPrefix("  …") && lines[1].hasSuffix("…"))
    #expect(lines[1].count == 2 + 1 + 120 + 1)
    let caret = lines[2].count - 1
    #expect(Array(lines[1])[caret] == "z")
  }

  /// Columns count characters: a combining accent, a CJK letter or `\r\n` is one column.
  @Test func columnsCountCharactersWhateverTheirBytes() {
    let accents = #expect(throws: ProgramError.self) { try Program.parse("é = 1\ne\u{301}变 = é * 2 $") }
    #expect(accents?.column == 12)
    let crlf = #expect(throws: ProgramError.self) { try Program.parseOverride("x=1\r\n$") }
    #expect(crlf?.column == 5)
  }

  @Test func tabsShowAsOneSpaceSoTheCaretStaysAligned() {
    #expect(
      renderedError("x = 1\n\ty =\texp(q)") == """
        2:10: error: undefined name 'q'
           y = exp(q)
                   ^
        """)
  }
}

/// Errors made by hand render even when their column is off the line.
@Suite struct HandMadeErrorTests {
  @Test(arguments: [-3, 0, 5, 500])
  func columnsOffTheLineAreClamped(column: Int) {
    let short = ProgramError(line: 1, column: column, length: 3, message: "m", lineText: "abc")
    #expect(short.render().hasPrefix("1:\(column): error: m\n  abc\n  "))
    let long = ProgramError(
      line: 1, column: column, message: "m", lineText: String(repeating: "a", count: 300))
    #expect(long.render().split(separator: "\n").count == 3)
  }
}

/// Diagnostics stay short whatever the program: long names and long lines are cut with `…`.
@Suite struct ShortDiagnosticsTests {
  @Test func aLongNameIsShortenedInTheMessageButTheCaretStillPointsAtIt() {
    let name = String(repeating: "a", count: 70) + "_tail"
    let lines = renderedError("x = 1\ny = exp(\(name))").split(separator: "\n").map(String.init)
    let shown = String(repeating: "a", count: 50) + "…" + "aaaa_tail"
    #expect(lines[0] == "2:9: error: undefined name '\(shown)'")
    #expect(
      lines[2] == "  " + String(repeating: " ", count: 8) + "^"
        + String(repeating: "~", count: name.count - 1))
  }

  @Test(arguments: [
    ("x = 1\ny = 2 * NAME", "undefined name"),
    ("x = 1\nNAME = 2\nNAME = 3", "assigned twice"),
    ("x = 1\ny = NAME(x)", "unknown function"),
    ("x = 1\ny = 12NAME", "malformed number"),
    ("x = 1\ny = x NAME", "found name"),
    ("NAME = 1", "only declares inputs"),
  ])
  func noMessageQuotesMoreThanSixtyCharactersOfAWord(template: String, words: String) {
    let name = "n" + String(repeating: "x", count: 5_000)
    let message = renderedError(template.replacingOccurrences(of: "NAME", with: name))
    let header = message.split(separator: "\n")[0]
    #expect(header.contains(words), "\(header)")
    #expect(header.contains("…"))
    #expect(header.count < 400)  // the longest: 'unknown function' listing every function
  }

  /// A 1 MB one-line program: the excerpt is a window around the caret, the caret under the spot.
  @Test func aMegabyteLineIsQuotedAsAWindowAroundTheCaret() {
    let line =
      "y = " + String(repeating: "x + ", count: 250_000) + "q" + String(repeating: " + x", count: 1_000)
    let lines = renderedError("x = 1\n" + line).split(separator: "\n").map(String.init)
    #expect(lines[0] == "2:1000005: error: undefined name 'q'")
    #expect(lines[1].hasPrefix("  …") && lines[1].hasSuffix("…"))
    #expect(lines[1].count <= 2 + 122)
    #expect(Array(lines[1])[lines[2].count - 1] == "q")
  }

  @Test func aHugeNumberTokenIsShortenedAndUnderlinedWithinTheWindow() {
    let number = "1" + String(repeating: "2", count: 100_000) + "x"
    let lines = renderedError("x = 1\ny = x * " + number).split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("2:9: error: malformed number '1222"))
    #expect(lines[0].count < 200)
    #expect(lines[1].count <= 2 + 122)
    #expect(lines[2].hasPrefix("  " + String(repeating: " ", count: 8) + "^~~"))
    #expect(lines[2].count <= 2 + 122)
  }
}
