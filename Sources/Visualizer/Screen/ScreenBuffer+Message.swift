extension ScreenBuffer {
  /// The frame shown instead of the app when the screen is smaller than `needed`:
  /// `GradStep needs at least 40×12 — this terminal is 20×6`, centred. The interactive terminal and
  /// `--headless` both show it, so they stay equal at every size.
  public static func sizeMessage(
    appName: String, needed: (columns: Int, rows: Int), columns: Int, rows: Int, charset: Charset
  ) -> ScreenBuffer {
    let (times, dash) = charset == .unicode ? ("×", "—") : ("x", "-")
    return centeredMessage(
      "\(appName) needs at least \(needed.columns)\(times)\(needed.rows) \(dash) "
        + "this terminal is \(columns)\(times)\(rows)",
      columns: columns, rows: rows)
  }

  /// A blank buffer showing `message` in the middle, word-wrapped to the width (words longer
  /// than a line are cut); lines that do not fit the height are dropped from the end.
  public static func centeredMessage(
    _ message: String, columns: Int, rows: Int, style: CellStyle = .plain
  ) -> ScreenBuffer {
    var buffer = ScreenBuffer(columns: columns, rows: rows)
    let lines = wrap(message, width: buffer.columns)
    let top = max((buffer.rows - lines.count) / 2, 0)
    for (offset, line) in lines.enumerated() {
      buffer.text(line, x: (buffer.columns - line.count) / 2, y: top + offset, style: style)
    }
    return buffer
  }

  /// `text` broken into lines of at most `width` characters at spaces.
  private static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count <= width {
        line += " " + word
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = String(word.prefix(width))
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
