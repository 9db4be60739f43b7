/// The thickness of a drawn line.
public enum LineWeight: UInt8, Hashable, Sendable {
  /// Thin lines: `─ │ ┌`.
  case light = 1
  /// Thick lines, for highlights: `━ ┃ ┏`.
  case heavy = 2
}
