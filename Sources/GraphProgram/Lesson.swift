import Autodiff

/// The comments a program teaches with, for the screens to show: the comment lines before its first
/// statement (the lesson, on the Start screen), and the comment lines right above a statement (a
/// note, shown while one of that statement's functions is the active step, forward and backward).
///
/// ```
/// # The seed: three functions in a chain.      ← the lesson
/// x = 0.5
/// # exp's derivative is exp itself.            ← a note on b's step
/// b = exp(x)
/// ```
/// A blank line between a comment and a statement detaches the comment; a comment after code on the
/// same line (`y = x  # …`) is neither.
public struct Lesson {
  /// The lesson's lines, without `#` and the space after it.
  public let introduction: [String]
  /// Each function whose statement has a comment right above it, with that comment's lines, in
  /// evaluation order.
  public let notes: [(function: Function, lines: [String])]

  /// The comments of a program text, before its graph is built.
  struct Comments {
    /// The comment lines before the first statement.
    var introduction = [String]()
    /// The comment lines right above a statement, by the statement's 1-based line.
    var above = [Int: [String]]()

    /// Reads the comments of `source`, one pass over its lines.
    init(_ source: SourceText) {
      var block = [String]()
      var seenStatement = false
      for (index, line) in source.lines.enumerated() {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.first == "#" {
          let text = String(trimmed.dropFirst().drop { $0 == " " })
          if seenStatement { block.append(text) } else { introduction.append(text) }
          continue
        }
        if !trimmed.isEmpty {
          seenStatement = true
          if !block.isEmpty { above[index + 1] = block }
        }
        block = []
      }
    }
  }

  /// The lesson of `comments`, with `notedFunctions` the functions of the statements that have a
  /// comment above them, each with its statement's line, in evaluation order.
  init(_ comments: Comments, notedFunctions: [(function: Function, line: Int)]) {
    introduction = comments.introduction
    notes = notedFunctions.compactMap { noted in comments.above[noted.line].map { (noted.function, $0) } }
  }
}
