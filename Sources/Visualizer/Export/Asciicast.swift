/// Frames as an asciinema recording (asciicast v2, the format `asciinema play` reads): a header
/// line with the terminal's size, then one output event per frame, each clearing the screen and
/// drawing the frame with ANSI colours, `delay` seconds after the one before. No wall-clock time
/// is written, so the same frames always give the same recording.
public enum Asciicast {
  /// The recording of `frames` (all of one size), shown `delay` seconds apart; `title` goes in
  /// the header.
  public static func recording(of frames: [ScreenBuffer], delay: Double, title: String) -> String {
    guard let first = frames.first else { return "" }
    let header =
      "{\"version\": 2, \"width\": \(first.columns), \"height\": \(first.rows), "
      + "\"title\": \(StateJSON.string(title)), \"env\": {\"TERM\": \"xterm-256color\"}}"
    var lines = [header]
    for (position, frame) in frames.enumerated() {
      let screen =
        "\u{1B}[H\u{1B}[2J"
        + frame.ansiText().split(separator: "\n", omittingEmptySubsequences: false)
        .joined(separator: "\r\n")
      lines.append("[\(time(Double(position) * delay)), \"o\", \(StateJSON.string(screen))]")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Seconds with up to six decimals and no trailing zeros (JSON numbers: `0`, `1.5`, `2.25`).
  static func time(_ seconds: Double) -> String {
    let micros = Int((seconds * 1_000_000).rounded())
    let whole = micros / 1_000_000
    var fraction = String(micros % 1_000_000)
    guard fraction != "0" else { return String(whole) }
    fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(whole).\(fraction)"
  }
}
