/// The styles of the screen's parts, in one place. Colours carry meaning (variables cyan,
/// functions yellow, the active step magenta, values that just appeared green, values an edit
/// changed highlighted yellow); every colour is
/// paired with bold, reverse or a heavy border so the screen still reads without colour.
enum Theme {
  static let titleBar = CellStyle(foreground: .black, background: .cyan, bold: true)
  static let variableBorder = CellStyle(foreground: .cyan)
  static let variableLabel = CellStyle(foreground: .brightCyan, bold: true)
  static let referenceBorder = CellStyle(foreground: .cyan, dim: true)
  static let referenceLabel = CellStyle(foreground: .cyan)
  static let functionBorder = CellStyle(foreground: .yellow)
  static let functionLabel = CellStyle(foreground: .brightYellow, bold: true)
  static let active = CellStyle(foreground: .brightMagenta, bold: true)
  static let activeLabel = CellStyle(foreground: .black, background: .magenta, bold: true)
  static let involved = CellStyle(foreground: .brightMagenta)
  static let selected = CellStyle(bold: true, reverse: true)
  static let freshValue = CellStyle(foreground: .brightGreen, bold: true)
  static let value = CellStyle.plain
  /// A value an edit or nudge just changed (with `•` on the box's top border).
  static let edited = CellStyle(foreground: .black, background: .yellow, bold: true)
  /// A box's generation tag on its top border.
  static let generation = CellStyle(bold: true)
  static let pending = CellStyle(dim: true)
  static let edge = CellStyle(foreground: .brightBlack)
  static let activeEdge = CellStyle(foreground: .magenta, bold: true)
  static let heading = CellStyle(bold: true)
  static let rule = CellStyle(foreground: .brightBlack)
  static let pass = CellStyle(foreground: .brightGreen, bold: true)
  static let fail = CellStyle(foreground: .brightRed, bold: true)
  static let help = CellStyle(dim: true)
  static let helpKey = CellStyle(bold: true)
  static let status = CellStyle(foreground: .brightYellow, bold: true)
  /// A program's own words: its lesson and the note on a step (italic is not portable, so cyan).
  static let narration = CellStyle(foreground: .cyan)
}

/// The plots' styles: the data in cyan, the current iteration (or point) in magenta, a tangent in
/// yellow, an optimisation's path in bold white, and the loss surface's levels from blue (low) to
/// red (high), each level also drawn with its own glyph so the map reads without colour.
extension Theme {
  static let plotData = CellStyle(foreground: .brightCyan)
  static let plotCurrent = CellStyle(foreground: .brightMagenta, bold: true)
  static let plotTangent = CellStyle(foreground: .brightYellow, bold: true)
  static let plotPath = CellStyle(foreground: .brightWhite, bold: true)
  static let plotLevels: [CellStyle] =
    ([.blue, .blue, .cyan, .cyan, .green, .yellow, .red, .red] as [TerminalColor])
    .map { CellStyle(foreground: $0) }
}
