/// One character cell of a ``ScreenBuffer``: a character one column wide, and its style; or the
/// first cell of a character two columns wide (`１`), followed by a ``continuation`` cell.
public struct Cell: Hashable, Sendable {
  /// The character shown: one column wide when written through ``ScreenBuffer``, or two, when
  /// the next cell is its ``continuation``.
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

  /// The second cell of a character two columns wide, in its style: shows nothing of its own.
  public static func continuation(style: CellStyle) -> Cell { Cell("\u{0}", style: style) }

  /// Whether this is the second cell of a character two columns wide.
  public var isContinuation: Bool { character == "\u{0}" }

  /// True for a space whose style shows nothing (no background, reverse or underline), which
  /// text export may trim from the end of a line.
  var isInvisible: Bool {
    character == " " && style.background == nil && !style.reverse && !style.underline
  }
}
