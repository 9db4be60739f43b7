import CNcursesw
import Glibc
import Visualizer

/// The loop between the terminal and an app: draw a frame, wait for input, a signal or a tick,
/// let the app react, repeat.
struct EventLoop {
  let screen: CursesScreen
  let relay: SignalRelay
  let charset: Charset
  let appName: String
  private let decoder = KeyDecoder()
  private let clock = ContinuousClock()

  init(screen: CursesScreen, relay: SignalRelay, charset: Charset, appName: String) {
    self.screen = screen
    self.relay = relay
    self.charset = charset
    self.appName = appName
  }

  /// Runs until the app quits, input ends or a quit signal arrives.
  func run<App: TerminalApp>(_ app: inout App) -> TerminalExit {
    var nextTick: ContinuousClock.Instant?
    while true {
      screen.draw(frame(of: app))
      nextTick = app.tickInterval.map { nextTick ?? clock.now + $0 }
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: relay.readDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      guard poll(&descriptors, 2, timeout(until: nextTick)) >= 0 || errno == EINTR else {
        return .inputClosed
      }
      for signal in relay.receivedSignals() {
        guard signal == SIGWINCH else { return .signal(signal) }
        screen.resize()
      }
      if descriptors[0].revents != 0 {
        if let exit = readKeys(revents: descriptors[0].revents, into: &app) { return exit }
      }
      if let due = nextTick, let interval = app.tickInterval, clock.now >= due {
        let now = clock.now
        nextTick = due + interval > now ? due + interval : now + interval
        if app.tick() == .quit { return .quit }
      }
    }
  }

  /// The app's frame at the current size, or a message if the terminal is too small for it.
  private func frame<App: TerminalApp>(of app: App) -> ScreenBuffer {
    let (columns, rows) = screen.size
    let needed = app.minimumSize
    if columns >= needed.columns && rows >= needed.rows {
      return app.render(columns: columns, rows: rows, charset: charset)
    }
    return .sizeMessage(appName: appName, needed: needed, columns: columns, rows: rows, charset: charset)
  }

  /// Milliseconds to wait for input before `deadline` (-1: no deadline).
  private func timeout(until deadline: ContinuousClock.Instant?) -> Int32 {
    guard let deadline else { return -1 }
    let (seconds, attoseconds) = max(deadline - clock.now, .zero).components
    return Int32(min(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000, 60_000))
  }

  /// After an Escape: when more input follows at once, the Escape began a sequence curses does not
  /// know (an Alt+key, an unlisted function key, a mouse report in another format) rather than a
  /// press of Esc, so the rest of that sequence is read and dropped instead of quitting the app.
  /// Returns whether it dropped one.
  private func skipsUnrecognisedSequence() -> Bool {
    var value: wint_t = 0
    guard wget_wch(screen.inputWindow, &value) != ERR else { return false }
    let introducer = value
    guard introducer == 0x5B || introducer == 0x4F else { return true }  // Alt+key: one character
    while wget_wch(screen.inputWindow, &value) != ERR {
      // SS3 (ESC O x) ends after one character; CSI (ESC [ …) at a final byte in 0x40–0x7E.
      if introducer == 0x4F || (0x40...0x7E).contains(value) { break }
    }
    return true
  }

  /// Hands every key waiting on standard input to the app; an exit if that ends the loop.
  private func readKeys<App: TerminalApp>(revents: Int16, into app: inout App) -> TerminalExit? {
    let gone = Int16(POLLHUP | POLLERR | POLLNVAL)
    if revents & gone != 0 || gs_bytes_available(STDIN_FILENO) == 0 { return .inputClosed }
    var value: wint_t = 0
    while true {
      let status = wget_wch(screen.inputWindow, &value)
      if status == ERR { return nil }
      switch decoder.decode(status: status, value: value) {
      case .key(.escape) where skipsUnrecognisedSequence():
        continue
      case .key(let key):
        if app.handle(key) == .quit { return .quit }
      case .resize:
        screen.resize()
      case .ignored:
        break
      }
    }
  }
}
