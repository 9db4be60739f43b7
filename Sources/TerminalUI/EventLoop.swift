import CNcursesw
import Glibc
import Visualizer

/// The loop between the terminal and an app: draw a frame, wait for input, a signal or a tick,
/// let the app react, repeat.
///
/// Every turn of the loop returns to `poll`, so it cannot starve: at most
/// ``readsPerTurn`` keys are read per wake-up (the rest stay in the kernel's buffer and wake the
/// next turn), signals are checked on every turn, and a change of size is followed once per
/// turn however many SIGWINCH signals or `KEY_RESIZE` codes arrived.
struct EventLoop {
  /// The most keys handed to the app between two frames.
  static let readsPerTurn = 256

  let screen: CursesScreen
  let relay: SignalRelay
  let charset: Charset
  let appName: String
  /// The descriptor keys are read from (standard input, or the terminal device).
  let inputDescriptor: Int32
  private let decoder = KeyDecoder()
  private let clock = ContinuousClock()

  init(screen: CursesScreen, relay: SignalRelay, charset: Charset, appName: String, inputDescriptor: Int32) {
    self.screen = screen
    self.relay = relay
    self.charset = charset
    self.appName = appName
    self.inputDescriptor = inputDescriptor
  }

  /// Runs until the app quits, input ends or a quit signal arrives.
  func run<App: TerminalApp>(_ app: inout App) -> TerminalExit {
    var nextTick: ContinuousClock.Instant?
    while true {
      screen.draw(frame(of: app))
      nextTick = app.tickInterval.map { nextTick ?? clock.now + $0 }
      var descriptors = [
        pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: relay.readDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      guard poll(&descriptors, 2, timeout(until: nextTick)) >= 0 || errno == EINTR else {
        return .inputClosed
      }
      var sizeChanged = false
      for signal in relay.receivedSignals() {
        guard signal == SIGWINCH else { return .signal(signal) }
        sizeChanged = true
      }
      if descriptors[0].revents != 0 {
        let batch = readKeys(revents: descriptors[0].revents, into: &app)
        if let exit = batch.exit { return exit }
        sizeChanged = sizeChanged || batch.sawResize
      }
      if sizeChanged { screen.followTerminalSize() }
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
    var remaining = 64  // a sequence longer than this is not one a terminal sends
    while remaining > 0, wget_wch(screen.inputWindow, &value) != ERR {
      // SS3 (ESC O x) ends after one character; CSI (ESC [ …) at a final byte in 0x40–0x7E.
      if introducer == 0x4F || (0x40...0x7E).contains(value) { break }
      remaining -= 1
    }
    return true
  }

  /// What one wake-up's reading of keys came to.
  private struct KeyBatch {
    /// Set when the loop must end.
    var exit: TerminalExit?
    /// Whether curses reported a change of size (`KEY_RESIZE`) among the keys.
    var sawResize = false
  }

  /// Hands up to ``readsPerTurn`` waiting keys to the app. A `KEY_RESIZE` is only noted: the
  /// caller follows the new size once, after the batch. (Calling `resizeterm` here, as an
  /// earlier version did, made ncurses 6.4 queue another `KEY_RESIZE`, which was read at once,
  /// and so on forever: the loop never returned to `poll`, and neither keys nor signals were
  /// seen again.)
  private func readKeys<App: TerminalApp>(revents: Int16, into app: inout App) -> KeyBatch {
    var batch = KeyBatch()
    let gone = Int16(POLLHUP | POLLERR | POLLNVAL)
    if revents & gone != 0 || gs_bytes_available(inputDescriptor) == 0 {
      batch.exit = .inputClosed
      return batch
    }
    var value: wint_t = 0
    for _ in 0..<Self.readsPerTurn {
      let status = wget_wch(screen.inputWindow, &value)
      if status == ERR { break }
      switch decoder.decode(status: status, value: value) {
      case .key(.escape) where skipsUnrecognisedSequence():
        continue
      case .key(let key):
        if app.handle(key) == .quit {
          batch.exit = .quit
          return batch
        }
      case .resize:
        batch.sawResize = true
      case .ignored:
        break
      }
    }
    return batch
  }
}
