/// The line arms a cell holds: for each of the four directions, no line (0), a light line (1) or a
/// heavy line (2). Lines drawn across a cell add arms, so separately drawn lines meet in the right
/// junction glyph (`─` then `│` gives `┼`).
struct LineJoin: Hashable, Sendable {
  var up: UInt8 = 0
  var right: UInt8 = 0
  var down: UInt8 = 0
  var left: UInt8 = 0
  /// Whether a light corner shows as an arc (`╭`) rather than square (`┌`).
  var rounded = false

  /// A cell with no line in it.
  static let none = LineJoin()

  var isEmpty: Bool { up == 0 && right == 0 && down == 0 && left == 0 }

  /// The arms of both, the heavier weight winning; `other` decides the corner shape.
  func merged(with other: LineJoin) -> LineJoin {
    LineJoin(
      up: max(up, other.up), right: max(right, other.right), down: max(down, other.down),
      left: max(left, other.left), rounded: other.rounded)
  }

  /// The character showing these arms. A single arm shows as a whole straight line.
  func glyph(_ charset: Charset) -> Character {
    switch charset {
    case .ascii:
      if isEmpty { return " " }
      if up == 0 && down == 0 { return "-" }
      if left == 0 && right == 0 { return "|" }
      return "+"
    case .unicode:
      if rounded, let arc = arc { return arc }
      return Self.unicodeGlyphs[Int(up) + 3 * Int(right) + 9 * Int(down) + 27 * Int(left)]
    }
  }

  /// The round corner for a light corner, or `nil` if the arms are not one.
  private var arc: Character? {
    switch (up, right, down, left) {
    case (0, 1, 1, 0): "╭"
    case (0, 0, 1, 1): "╮"
    case (1, 1, 0, 0): "╰"
    case (1, 0, 0, 1): "╯"
    default: nil
    }
  }

  /// Box-drawing glyphs indexed by `up + 3·right + 9·down + 27·left` (weights 0, 1, 2); each row
  /// below is one (down, left) pair and runs through (up, right). Built from the Unicode names of
  /// U+2500–U+257F.
  private static let unicodeGlyphs: [Character] = Array(
    " │┃─└┖━┕┗"  // down 0, left 0
      + "││╿┌├┞┍┝┡"  // down 1, left 0
      + "┃╽┃┎┟┠┏┢┣"  // down 2, left 0
      + "─┘┚─┴┸╼┶┺"  // down 0, left 1
      + "┐┤┦┬┼╀┮┾╄"  // down 1, left 1
      + "┒┧┨┰╁╂┲╆╊"  // down 2, left 1
      + "━┙┛╾┵┹━┷┻"  // down 0, left 2
      + "┑┥┩┭┽╃┯┿╇"  // down 1, left 2
      + "┓┪┫┱╅╉┳╈╋"  // down 2, left 2
  )
}
