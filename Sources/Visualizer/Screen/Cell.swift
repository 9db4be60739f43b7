/// One character cell of a ``ScreenBuffer``: a character one column wide, and its style.
public struct Cell: Hashable, Sendable {
  /// The character shown; always one column wide when written through ``ScreenBuffer``.
  public var character: Character
  /// How the character is shown.
  public var style: CellStyle

  /// A cell showing `character` in `style`.
  public init(_ character: Character, style: CellStyle = .plain) {
    self.character = character
    self.style = style
  }

  /// A space in the plain style: what a fresh buffer is filled with.
  public static let blank = Cell(" ")

  /// True for a space whose style shows nothing (no background, reverse or underline), which
  /// text export may trim from the end of a line.
  var isInvisible: Bool {
    character == " " && style.background == nil && !style.reverse && !style.underline
  }
}
