/// A line of text made of runs that each have one style.
struct StyledLine {
  var runs: [(text: String, style: CellStyle)]

  init(_ runs: [(String, CellStyle)]) {
    self.runs = runs.map { (text: $0.0, style: $0.1) }
  }

  init(_ text: String, _ style: CellStyle = .plain) {
    self.init([(text, style)])
  }

  /// The number of characters.
  var count: Int { runs.reduce(0) { $0 + $1.text.count } }

  /// Writes the line at (`x`, `y`), clipped to `width` columns; returns the columns written.
  @discardableResult
  func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) -> Int {
    var column = 0
    for run in runs where column < width {
      column += buffer.text(run.text, x: x + column, y: y, style: run.style, maxWidth: width - column)
    }
    return column
  }
}

/// Splits `text` into pieces of at most `width` characters, breaking after `separator` where it
/// can, and hard-wrapping words longer than a line. Continuation lines start with `indent`.
func wrap(_ clauses: [String], width: Int, indent: String) -> [String] {
  var lines = [String]()
  var current = ""
  for clause in clauses {
    let candidate = current.isEmpty ? clause : current + " " + clause
    if candidate.count <= width || current.isEmpty && lines.isEmpty && clause.count <= width {
      current = candidate
      continue
    }
    if !current.isEmpty { lines.append(current) }
    current = indent + clause
  }
  if !current.isEmpty { lines.append(current) }
  return lines.flatMap { hardWrap($0, width: width, indent: indent) }
}

private func hardWrap(_ line: String, width: Int, indent: String) -> [String] {
  guard width > indent.count, line.count > width else { return [line] }
  var pieces = [String(line.prefix(width))]
  var rest = line.dropFirst(width)
  while !rest.isEmpty {
    let room = width - indent.count
    pieces.append(indent + rest.prefix(room))
    rest = rest.dropFirst(room)
  }
  return pieces
}

extension String {
  /// This text followed by spaces up to `width` characters (unchanged when already as wide), for
  /// columns of text.
  func padded(to width: Int) -> String {
    self + String(repeating: " ", count: max(width - count, 0))
  }
}
