/// The inspector's lines, some of them built only when shown. A long list (a shared weight's
/// 10,000 uses and gradient contributions) is kept as its line count and a way to build any range
/// of it, so a frame builds only the lines its window shows while the count still gives the
/// `… N more ↓` sign and the scrolling limits.
struct InspectorLines {
  private enum Part {
    case lines([StyledLine])
    case deferred(count: Int, build: (Range<Int>) -> [StyledLine])

    var count: Int {
      switch self {
      case .lines(let lines): lines.count
      case .deferred(let count, _): count
      }
    }

    func lines(_ range: Range<Int>) -> [StyledLine] {
      switch self {
      case .lines(let lines): Array(lines[range])
      case .deferred(_, let build): build(range)
      }
    }
  }

  private var parts = [Part]()

  /// How many lines there are.
  private(set) var count = 0

  /// `lines`, all built already.
  init(_ lines: [StyledLine] = []) { append(lines) }

  /// `count` lines built on demand: `build` returns the lines of a range within `0..<count`.
  init(count: Int, build: @escaping (Range<Int>) -> [StyledLine]) {
    parts = [.deferred(count: count, build: build)]
    self.count = count
  }

  /// Adds `lines` at the end.
  mutating func append(_ lines: [StyledLine]) {
    guard !lines.isEmpty else { return }
    parts.append(.lines(lines))
    count += lines.count
  }

  /// Adds `other`'s lines at the end.
  mutating func append(_ other: InspectorLines) {
    parts += other.parts
    count += other.count
  }

  /// `lhs`'s lines, then `rhs`'s.
  static func + (lhs: InspectorLines, rhs: InspectorLines) -> InspectorLines {
    var joined = lhs
    joined.append(rhs)
    return joined
  }

  /// The lines in `range` (clamped to `0..<count`), building only those.
  subscript(range: Range<Int>) -> [StyledLine] {
    var result = [StyledLine]()
    var start = 0
    for part in parts {
      let end = start + part.count
      let lower = max(range.lowerBound, start)
      let upper = min(range.upperBound, end)
      if lower < upper { result += part.lines((lower - start)..<(upper - start)) }
      if end >= range.upperBound { break }
      start = end
    }
    return result
  }

  /// Every line.
  var all: [StyledLine] { self[0..<count] }
}
