/// A stretch of one line of program text: 1-based line and column, length in characters.
struct SourceRange: Equatable, Sendable {
  var line: Int
  var column: Int
  var length: Int

  /// The column just after the range.
  var end: Int { column + length }

  /// From the start of this range to the end of `other` (on the same line).
  func through(_ other: SourceRange) -> SourceRange {
    SourceRange(line: line, column: column, length: max(1, other.end - column))
  }

  /// The same start with another length.
  func with(length: Int) -> SourceRange { SourceRange(line: line, column: column, length: length) }
}
