/// The whole app as a value plus its screen: keys in, frames out. The terminal front end and the
/// headless driver both run this, so what a test sees is what a person sees.
public struct App {
  /// The current state.
  public private(set) var state: AppState
  /// The frame renderer (it caches layouts).
  public let screen: Screen

  /// An app showing `state` with `screen`.
  public init(state: AppState, screen: Screen) {
    self.state = state
    self.screen = screen
  }

  /// The smallest terminal the screen is useful in.
  public static let minimumSize = (columns: 40, rows: 12)

  /// Applies the command bound to `key` (a click selects the node under it, or clears the
  /// selection); returns `false` once the user asked to quit.
  public mutating func handle(_ key: Key, columns: Int, rows: Int) -> Bool {
    if case .click(let x, let y) = key {
      state.update(.select(screen.node(atX: x, y: y, state: state, columns: columns, rows: rows)))
    } else if let command = Command(key: key) {
      state.update(command)
    }
    return !state.wantsQuit
  }

  /// How often the front end should send `.tick` (one step of auto-play), `nil` when not playing.
  public var tickInterval: Duration? { state.isPlaying ? App.playInterval : nil }

  /// The time between two steps of auto-play.
  public static let playInterval = Duration.milliseconds(800)

  /// Advances auto-play by one step.
  public mutating func tick() {
    state.update(.tick)
  }

  /// The frame for the current state, drawn with `charset`'s line characters; below
  /// `minimumSize`, a message saying the size needed (as the interactive terminal shows it).
  public func render(columns: Int, rows: Int, charset: Charset = .unicode) -> ScreenBuffer {
    guard columns >= App.minimumSize.columns && rows >= App.minimumSize.rows else {
      return .sizeMessage(
        appName: "GradStep", needed: App.minimumSize, columns: columns, rows: rows, charset: charset)
    }
    return screen.render(state, columns: columns, rows: rows, charset: charset)
  }
}
