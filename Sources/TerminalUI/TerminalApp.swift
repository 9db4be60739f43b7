import Visualizer

/// What an app tells the terminal loop after a key or a tick.
public enum AppResponse: Hashable, Sendable {
  /// Keep running and draw the next frame.
  case `continue`
  /// Leave: restore the terminal and return from ``TerminalUI/run(_:options:)``.
  case quit
}

/// An interactive app that ``TerminalUI/run(_:options:)`` drives: it takes keys and draws whole
/// frames; the terminal loop does all the I/O.
public protocol TerminalApp {
  /// The smallest screen the app can draw on; below it the loop shows a message instead.
  var minimumSize: (columns: Int, rows: Int) { get }

  /// How often ``tick()`` should be called (for auto-play), or `nil` while the app needs no
  /// ticks. Read after every event.
  var tickInterval: Duration? { get }

  /// Reacts to a key or click.
  mutating func handle(_ key: Key) -> AppResponse

  /// Reacts to the passing of ``tickInterval``.
  mutating func tick() -> AppResponse

  /// Draws the whole screen, `columns` × `rows` (at least ``minimumSize``), with `charset`'s line
  /// characters.
  func render(columns: Int, rows: Int, charset: Charset) -> ScreenBuffer
}

extension TerminalApp {
  /// No ticks: the app only changes on keys.
  public var tickInterval: Duration? { nil }

  /// Ignores ticks.
  public mutating func tick() -> AppResponse { .continue }
}
