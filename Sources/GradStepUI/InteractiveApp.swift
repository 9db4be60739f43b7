import TerminalUI
import Visualizer

/// The app on a real terminal: the terminal loop feeds it keys and asks it for frames.
struct InteractiveApp: TerminalApp {
  /// The app being shown.
  var app: App
  /// The size of the last frame drawn, so a click can be mapped to the node drawn under it.
  private let lastFrame = LastFrameSize()

  init(app: App) {
    self.app = app
  }

  var minimumSize: (columns: Int, rows: Int) { App.minimumSize }

  mutating func handle(_ key: Key) -> AppResponse {
    app.handle(key, columns: lastFrame.columns, rows: lastFrame.rows) ? .continue : .quit
  }

  var tickInterval: Duration? { app.tickInterval }

  mutating func tick() -> AppResponse {
    app.tick()
    return .continue
  }

  func render(columns: Int, rows: Int, charset: Charset) -> ScreenBuffer {
    lastFrame.columns = columns
    lastFrame.rows = rows
    return app.render(columns: columns, rows: rows, charset: charset)
  }
}

/// The size of the frame on screen (set while drawing, read when a click arrives).
private final class LastFrameSize {
  var columns = 80
  var rows = 24
}
