/// The part of a line an error message quotes, and where its caret goes.
///
/// Tabs show as one space and other control characters as `�`, so each character takes one cell and
/// the caret stays under the right one. A long line is cut to a window around the caret.
struct LineExcerpt {
  /// The characters shown at most before the caret in a cut line.
  static let before = 50
  /// The characters shown at most in a cut line.
  static let width = 120

  /// The text to print.
  let text: String
  /// Spaces before the caret.
  let caretOffset: Int
  /// Characters to underline (at least 1).
  let underline: Int

  init(_ line: String, column requested: Int, length: Int) {
    let characters = Array(line)
    let column = min(max(1, requested), characters.count + 1)
    let start = characters.count > Self.width ? max(0, column - 1 - Self.before) : 0
    let stop = min(characters.count, start + Self.width)
    let shown = characters[start..<stop].map(LineExcerpt.printable)
    let prefix = start > 0 ? "…" : ""
    let suffix = stop < characters.count ? "…" : ""
    text = prefix + String(shown) + suffix
    caretOffset = max(0, column - 1 - start) + prefix.count
    underline = max(1, min(length, stop - (column - 1)))
  }

  private static func printable(_ character: Character) -> Character {
    if character == "\t" { return " " }
    let controls = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    return controls ? "\u{FFFD}" : character
  }
}
