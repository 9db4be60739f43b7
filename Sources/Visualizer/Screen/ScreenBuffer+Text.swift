extension ScreenBuffer {
  /// The characters of each row, trailing spaces trimmed: exactly `rows` strings, none wider
  /// than `columns` columns (a double-width character counts two). Styles are dropped.
  public func plainLines() -> [String] {
    (0..<rows).map { y in
      let cells = shownCells(y).map(\.cell)
      let end = (cells.lastIndex { $0.character != " " } ?? -1) + 1
      return String(cells[..<end].map(\.character))
    }
  }

  /// ``plainLines()`` joined with newlines (no newline after the last row).
  public func plainText() -> String {
    plainLines().joined(separator: "\n")
  }

  /// The buffer as text with ANSI SGR escape sequences for the styles, one line per row. A
  /// sequence is written only where the style changes, and each line that changed it ends with a
  /// reset; trailing blanks that show nothing are trimmed.
  public func ansiText() -> String {
    (0..<rows).map { y in
      let cells = shownCells(y).map(\.cell)
      let end = (cells.lastIndex { !$0.isInvisible } ?? -1) + 1
      var line = ""
      var current = CellStyle.plain
      for cell in cells[..<end] {
        if cell.style != current {
          line += cell.style.selectGraphicRendition
          current = cell.style
        }
        line.append(cell.character)
      }
      if current != .plain { line += CellStyle.plain.selectGraphicRendition }
      return line
    }.joined(separator: "\n")
  }
}

extension CellStyle {
  /// The SGR escape sequence that resets the terminal and then switches to this style.
  var selectGraphicRendition: String {
    var codes = ["0"]
    if bold { codes.append("1") }
    if dim { codes.append("2") }
    if underline { codes.append("4") }
    if reverse { codes.append("7") }
    if let foreground {
      let index = foreground.rawValue
      codes.append(String(index < 8 ? 30 + index : 90 + index - 8))
    }
    if let background {
      let index = background.rawValue
      codes.append(String(index < 8 ? 40 + index : 100 + index - 8))
    }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}
