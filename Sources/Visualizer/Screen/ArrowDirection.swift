/// The way an arrowhead points.
public enum ArrowDirection: Hashable, Sendable {
  /// `▲`, or `^` in ASCII.
  case up
  /// `▶`, or `>` in ASCII.
  case right
  /// `▼`, or `v` in ASCII.
  case down
  /// `◀`, or `<` in ASCII.
  case left

  func glyph(_ charset: Charset) -> Character {
    switch (self, charset) {
    case (.up, .unicode): "▲"
    case (.right, .unicode): "▶"
    case (.down, .unicode): "▼"
    case (.left, .unicode): "◀"
    case (.up, .ascii): "^"
    case (.right, .ascii): ">"
    case (.down, .ascii): "v"
    case (.left, .ascii): "<"
    }
  }
}
