import Visualizer

/// `--export FORMAT`: the state the keys reach, or the whole session, as a file to keep.
enum ExportFormat: String, CaseIterable {
  /// The graph in Graphviz's DOT language, with data and grad on every variable.
  case dot
  /// The screen as an SVG picture.
  case svg
  /// An asciinema v2 recording, one frame per step (or per key, with `--keys`).
  case asciicast
  /// The screen as text, as `--headless` prints it.
  case txt
  /// The state as JSON, as `--json` prints it.
  case json

  /// The format named `name`; a usage error listing the formats otherwise.
  static func named(_ name: String) throws -> ExportFormat {
    guard let format = ExportFormat(rawValue: name.lowercased()) else {
      let names = allCases.map(\.rawValue).joined(separator: ", ")
      throw usageError("unknown --export format '\(name)': expected one of \(names)")
    }
    return format
  }

  /// The export of `run` after `keys`. An asciicast without keys plays every step from the start.
  func render(_ run: HeadlessRun, keys: [Key], delay: Double, color: Bool) -> String {
    var run = run
    switch self {
    case .dot:
      _ = run.finalFrame(keys: keys)
      return GraphDOT.encode(run.app.state)
    case .svg:
      return SVGFrame.document(run.finalFrame(keys: keys))
    case .asciicast:
      let steps =
        keys.isEmpty ? Array(repeating: Key.character("n"), count: run.app.state.session.stepCount) : keys
      let frames = run.frames(keys: steps).map(\.frame)
      return Asciicast.recording(of: frames, delay: delay, title: "GradStep · \(run.app.state.title)")
    case .txt:
      let frame = run.finalFrame(keys: keys)
      return (color ? frame.ansiText() : frame.plainText()) + "\n"
    case .json:
      _ = run.finalFrame(keys: keys)
      return StateJSON.encode(run.app.state) + "\n"
    }
  }
}
