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

  @Test func overrideShapesAreChecked() {
    #expect(
      renderedError(
        "v = [1, 2]\nw = [3, 4]\ny = v * w", fileName: "t.grad", overrides: ["v": Tensor([1, 2, 3])])
          == """
          t.grad:3:7: error: Mul: cannot broadcast shapes (3,) and (2,)
            y = v * w
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
