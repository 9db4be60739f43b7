/// How the terminal loop ended. The terminal has been restored in every case.
public enum TerminalExit: Hashable, Sendable {
  /// The app answered ``AppResponse/quit``.
  case quit
  /// The terminal's input went away (closed or hung up).
  case inputClosed
  /// SIGINT, SIGTERM or SIGHUP arrived (the associated value is its number).
  case signal(Int32)

  /// The conventional process exit status: 0, or 128 + the signal number.
  public var exitCode: Int32 {
    switch self {
    case .quit, .inputClosed: 0
    case .signal(let number): 128 + number
    }
  }
}
