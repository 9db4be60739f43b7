/// How one cell looks: optional colours plus text attributes.
public struct CellStyle: Hashable, Sendable {
  /// Text colour; `nil` keeps the terminal's default.
  public var foreground: TerminalColor?
  /// Background colour; `nil` keeps the terminal's default.
  public var background: TerminalColor?
  /// Bold (or bright) text.
  public var bold: Bool
  /// Faint text.
  public var dim: Bool
  /// Foreground and background swapped.
  public var reverse: Bool
  /// Underlined text.
  public var underline: Bool

  /// A style with the given colours and attributes; everything defaults to off.
  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil,
    bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  /// No colours, no attributes.
  public static let plain = CellStyle()

  /// The same style without colours, for terminals (or users) without colour: a background colour
  /// becomes reverse video so that highlighted areas stay visible.
  public var monochrome: CellStyle {
    CellStyle(
      bold: bold, dim: dim, reverse: reverse != (background != nil), underline: underline)
  }
}
