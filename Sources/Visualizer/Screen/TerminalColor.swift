/// One of the sixteen colours every colour terminal has: the eight basic ANSI colours and their
/// bright variants. The raw value is the ANSI colour number (0–15), which is also the colour
/// number curses uses.
public enum TerminalColor: Int, CaseIterable, Hashable, Sendable {
  /// ANSI colour 0.
  case black
  /// ANSI colour 1.
  case red
  /// ANSI colour 2.
  case green
  /// ANSI colour 3.
  case yellow
  /// ANSI colour 4.
  case blue
  /// ANSI colour 5.
  case magenta
  /// ANSI colour 6.
  case cyan
  /// ANSI colour 7.
  case white
  /// ANSI colour 8 (often shown as grey).
  case brightBlack
  /// ANSI colour 9.
  case brightRed
  /// ANSI colour 10.
  case brightGreen
  /// ANSI colour 11.
  case brightYellow
  /// ANSI colour 12.
  case brightBlue
  /// ANSI colour 13.
  case brightMagenta
  /// ANSI colour 14.
  case brightCyan
  /// ANSI colour 15.
  case brightWhite

  /// The basic colour this one brightens (itself for the basic eight), for terminals with only
  /// eight colours.
  public var basic: TerminalColor {
    TerminalColor(rawValue: rawValue % 8)!
  }
}
