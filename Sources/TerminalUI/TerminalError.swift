/// Why the interactive screen could not be opened.
public struct TerminalError: Error, Hashable, CustomStringConvertible {
  /// One line saying what is wrong and what to do instead.
  public let description: String

  /// An error with a one-line message.
  public init(_ description: String) {
    self.description = description
  }

  /// An error for a terminal that cannot show the screen, pointing at `--headless`.
  static func unusable(_ reason: String) -> TerminalError {
    TerminalError("cannot open the interactive screen: \(reason); use --headless to print frames as text")
  }
}
