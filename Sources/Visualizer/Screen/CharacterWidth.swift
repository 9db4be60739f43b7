extension Character {
  /// Whether the terminal shows this character in exactly one column: not a control or format
  /// character, not a lone combining mark, not an emoji or East Asian wide character. A fixed
  /// table rather than `wcwidth`, so the answer never depends on the locale.
  var isSingleColumn: Bool {
    isPrintable && !isDoubleColumn
  }

  /// Whether the terminal shows this character in two columns: an East Asian wide or fullwidth
  /// character (`漢`, the fullwidth digit `１`); emoji are not counted, as terminals disagree.
  var isDoubleColumn: Bool {
    guard let first = unicodeScalars.first, first.value >= 0x1100, isPrintable else { return false }
    return Self.wideRanges.contains { $0.contains(first.value) }
  }

  /// Not a control or format character, a lone combining mark or an emoji.
  private var isPrintable: Bool {
    let scalars = unicodeScalars
    guard let first = scalars.first else { return false }
    switch first.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
      .nonspacingMark, .enclosingMark, .spacingMark:
      return false
    default:
      return !scalars.contains { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }
    }
  }

  /// Unicode blocks of East Asian wide and fullwidth characters.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x20000...0x3FFFD,
  ]
}
