import Visualizer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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

/// Writes `text` to `path` (standard output for `nil` or `-`) without ever leaving a partial file:
/// the bytes go to a new file beside it, which is renamed over `path` once complete.
func writeExport(_ text: String, to path: String?) throws {
  guard let path, path != "-" else {
    print(text, terminator: "")
    return
  }
  let temporary = path + ".gradstep-\(getpid()).tmp"
  let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw usageError("cannot write '\(path)': \(lastErrorText())") }
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written < 0 && errno == EINTR { continue }
    guard written > 0 else {
      let reason = lastErrorText()
      close(descriptor)
      unlink(temporary)
      throw usageError("cannot write '\(path)': \(reason)")
    }
    bytes = bytes.dropFirst(written)
  }
  guard close(descriptor) == 0, rename(temporary, path) == 0 else {
    let reason = lastErrorText()
    unlink(temporary)
    throw usageError("cannot write '\(path)': \(reason)")
  }
}

/// The C library's text for the current `errno`.
private func lastErrorText() -> String { String(cString: strerror(errno)) }
