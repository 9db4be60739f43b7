import CNcursesw
import Glibc
import Visualizer

/// The interactive terminal: checks it, runs an app on it, and always gives it back intact.
public enum TerminalUI {
  /// Checks that an interactive screen can be opened here: standard input (or, with
  /// `keysFromTerminalDevice`, `/dev/tty`) and standard output are terminals, and `TERM` names a
  /// known terminal that can move the cursor (not `dumb`).
  ///
  /// - Throws: ``TerminalError`` with a one-line reason that suggests `--headless`.
  public static func checkTerminal(keysFromTerminalDevice: Bool = false) throws(TerminalError) {
    if !keysFromTerminalDevice {
      guard isatty(STDIN_FILENO) == 1 else { throw .unusable("standard input is not a terminal") }
    }
    guard isatty(STDOUT_FILENO) == 1 else { throw .unusable("standard output is not a terminal") }
    guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
      throw .unusable("TERM is not set")
    }
    switch gs_terminal_has_cursor_addressing(term) {
    case -1: throw .unusable("TERM=\(term) is not a terminal type this system knows")
    case 0: throw .unusable("TERM=\(term) cannot move the cursor")
    default: return
    }
  }

  /// Runs `app` full-screen until it quits, input ends, or SIGINT, SIGTERM or SIGHUP arrives;
  /// the terminal is restored in every case, and on crashes too.
  ///
  /// Each frame is the app's ``TerminalApp/render(columns:rows:charset:)`` at the current size
  /// (or a message naming the size needed, below ``TerminalApp/minimumSize``); only the cells
  /// that changed since the last frame are written. Lines use ASCII when `options` asks for it
  /// or the locale is not UTF-8.
  ///
  /// - Returns: how the loop ended; ``TerminalExit/exitCode`` is the status to exit with.
  /// - Throws: ``TerminalError`` if the terminal cannot be used (see ``checkTerminal()``).
  @discardableResult
  public static func run<App: TerminalApp>(
    _ app: inout App, options: TerminalOptions = TerminalOptions()
  ) throws(TerminalError) -> TerminalExit {
    try checkTerminal(keysFromTerminalDevice: options.keysFromTerminalDevice)
    let keyboard = try KeyboardInput.open(fromTerminalDevice: options.keysFromTerminalDevice)
    defer { keyboard.close() }
    guard isatty(keyboard.descriptor) == 1 else { throw .unusable("/dev/tty is not a terminal") }
    setlocale(LC_ALL, "")
    let unicodeLocale = gs_locale_is_utf8() != 0
    try SignalRelay.prepare(keyboard: keyboard.descriptor)
    let screen = try CursesScreen(
      color: wantsColor(options.color), unicodeLocale: unicodeLocale, keyboard: keyboard.stream)
    let relay: SignalRelay
    do {
      relay = try SignalRelay(resetSequence: screen.resetSequence)
    } catch {
      screen.end()
      throw error
    }
    defer {
      screen.end()
      relay.stop()
    }
    let loop = EventLoop(
      screen: screen, relay: relay,
      charset: options.forceASCII || !unicodeLocale ? .ascii : .unicode, appName: options.appName,
      inputDescriptor: keyboard.descriptor)
    return loop.run(&app)
  }

  /// Whether to ask for colour: `NO_COLOR` (set and not empty) turns automatic colour off.
  private static func wantsColor(_ mode: TerminalOptions.ColorMode) -> Bool {
    switch mode {
    case .always: true
    case .never: false
    case .automatic: getenv("NO_COLOR").map { $0.pointee == 0 } ?? true
    }
  }
}
