/// Runs the app without a terminal: applies keys one by one and prints frames as text.
public struct HeadlessRun {
  /// The app to drive.
  public var app: App
  /// Screen width in columns.
  public let columns: Int
  /// Screen height in rows.
  public let rows: Int
  /// Unicode or ASCII line drawing.
  public let charset: Charset

  /// A run of `app` at `columns` × `rows`, drawn with `charset`.
  public init(app: App, columns: Int, rows: Int, charset: Charset = .unicode) {
    self.app = app
    self.columns = columns
    self.rows = rows
    self.charset = charset
  }

  /// The frame after each key, with the initial frame first, as `(header, frame)` pairs.
  /// Keys after a quit are ignored, as the terminal app would never read them.
  public mutating func frames(keys: [Key]) -> [(header: String, frame: ScreenBuffer)] {
    var frames = [
      (header: "frame 0 (start)", frame: app.render(columns: columns, rows: rows, charset: charset))
    ]
    for (position, key) in keys.enumerated() {
      guard app.handle(key, columns: columns, rows: rows) else { break }
      frames.append(
        (
          header: "frame \(position + 1) (key \(key.scriptName))",
          frame: app.render(columns: columns, rows: rows, charset: charset)
        ))
    }
    return frames
  }

  /// Applies all keys (stopping at a quit) and returns the last frame.
  public mutating func finalFrame(keys: [Key]) -> ScreenBuffer {
    apply(keys: keys)
    return app.render(columns: columns, rows: rows, charset: charset)
  }

  /// Applies all keys (stopping at a quit) without drawing anything, so no layout is computed
  /// unless a click needs one to find the node under it: the state for `--json`.
  public mutating func apply(keys: [Key]) {
    for key in keys where !app.handle(key, columns: columns, rows: rows) { break }
  }
}
