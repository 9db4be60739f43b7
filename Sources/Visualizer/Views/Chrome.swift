/// The title line and the key-help line.
enum Chrome {
  /// ` GradStep · seed.grad` on the left, `step 3/7 · forward` on the right, as one bar.
  static func titleBar(_ state: AppState, width: Int) -> StyledLine {
    let session = state.session
    let left = " GradStep · \(state.title)"
    var right = "step \(session.cursor)/\(session.stepCount) · \(session.phase.rawValue) "
    if state.isPlaying { right = "playing · " + right }
    if let selection = state.selection {
      right = "selected \(label(of: selection, in: session.graph)) · " + right
    }
    let gap = max(width - left.count - right.count, 1)
    return StyledLine(left + String(repeating: " ", count: gap) + right, Theme.titleBar)
  }

  static func label(of node: Int, in graph: GraphModel) -> String {
    node < graph.variables.count
      ? graph.variables[node].label : graph.functions[node - graph.variables.count].label
  }

  /// The key bindings that fit in `width`, most used first.
  static func helpLine(width: Int) -> StyledLine {
    let items = [
      ("n/→", "next"), ("p/←", "back"), ("f", "forward"), ("b", "backward"), ("g", "start"),
      ("tab", "select"), ("o", "flip"), ("?", "help"), ("q", "quit"),
    ]
    var runs = [(String, CellStyle)]()
    var used = 0
    for (key, action) in items {
      let length = key.count + action.count + 2
      guard used + length <= width else { break }
      runs.append((" " + key, Theme.helpKey))
      runs.append((" " + action, Theme.help))
      used += length
    }
    return StyledLine(runs)
  }

  /// The help overlay's lines.
  static let helpText: [(String, String)] = [
    ("n  l  →  space", "next step"),
    ("p  h  ←", "previous step"),
    ("f", "end of the forward pass"),
    ("b  G  End", "end: backward done, gradient check"),
    ("g  Home", "back to step 0"),
    ("Tab  Shift-Tab", "inspect the next / previous node"),
    ("click", "inspect a node"),
    ("o", "left-to-right / top-to-bottom"),
    ("H J K L, Shift-arrows", "move the view (also PgUp, PgDn)"),
    ("0", "follow the active step again"),
    ("c", "collapse / expand chains of functions"),
    ("a", "play / pause: a step every 0.8 s"),
    ("?", "show / hide this help"),
    ("q  Esc", "quit"),
  ]

  /// Draws the help overlay centred in the buffer.
  static func drawHelp(into buffer: inout ScreenBuffer) {
    let keyWidth = helpText.map(\.0.count).max()!
    let lines =
      [StyledLine("Keys", Theme.heading)]
      + helpText.map { key, meaning in
        StyledLine([(key.padded(to: keyWidth + 2), Theme.helpKey), (meaning, .plain)])
      }
      + [
        StyledLine(""),
        StyledLine("╭ variable: name, data, grad ╮   ┌ function ┐   — not yet", Theme.help),
      ]
    let width = min(lines.map(\.count).max()! + 4, buffer.columns)
    let height = min(lines.count + 2, buffer.rows)
    let x = (buffer.columns - width) / 2
    let y = (buffer.rows - height) / 2
    buffer.fill(x: x, y: y, width: width, height: height)
    buffer.box(x: x, y: y, width: width, height: height, kind: .rounded, style: Theme.heading)
    for (row, line) in lines.prefix(height - 2).enumerated() {
      line.draw(into: &buffer, x: x + 2, y: y + 1 + row, width: width - 4)
    }
  }
}
