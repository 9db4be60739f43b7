/// Program text split into lines, for quoting a line under an error.
///
/// Every newline character Swift knows (`\n`, `\r\n`, `\r`, U+2028, …) ends a line.
struct SourceText {
  /// The lines, without their line breaks; an empty text has one empty line.
  let lines: [Substring]

  init(_ text: String) {
    lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
  }

  /// `text` as one line, line breaks and all (for a command-line argument).
  init(singleLine text: String) {
    lines = [Substring(text)]
  }

  /// The text of 1-based line `number`, or "" when there is no such line.
  func line(_ number: Int) -> String {
    lines.indices.contains(number - 1) ? String(lines[number - 1]) : ""
  }

  /// An error at `range`, quoting its line.
  func error(_ message: String, at range: SourceRange) -> ProgramError {
    ProgramError(
      line: range.line, column: range.column, length: range.length, message: message,
      lineText: line(range.line))
  }
}
