/// How ``TerminalUI/run(_:options:)`` sets up the screen.
public struct TerminalOptions: Hashable, Sendable {
  /// When to use colour.
  public enum ColorMode: Hashable, Sendable {
    /// Colour unless `NO_COLOR` is set (and not empty) or the terminal has no colours.
    case automatic
    /// Colour whenever the terminal has colours, even with `NO_COLOR`.
    case always
    /// Never colour: styles keep bold, dim, underline and reverse, and background colours turn
    /// into reverse video (``CellStyle/monochrome``).
    case never
  }

  /// When to use colour.
  public var color: ColorMode
  /// Draw with ASCII only (`+-|`), even when the locale is UTF-8. Without it, ASCII is used only
  /// when the locale is not UTF-8.
  public var forceASCII: Bool
  /// The name the too-small message gives the app.
  public var appName: String
  /// Read keys from the controlling terminal (`/dev/tty`) instead of standard input, for when
  /// standard input carries something else (a program read from a pipe).
  public var keysFromTerminalDevice: Bool

  /// Options with the given settings; by default automatic colour, Unicode where possible, and
  /// keys from standard input.
  public init(
    color: ColorMode = .automatic, forceASCII: Bool = false, appName: String = "GradStep",
    keysFromTerminalDevice: Bool = false
  ) {
    self.color = color
    self.forceASCII = forceASCII
    self.appName = appName
    self.keysFromTerminalDevice = keysFromTerminalDevice
  }
}
