/// The help overlay: every key, then a legend of what the screen's colours and marks mean. It
/// wraps to the screen's width and, when taller than the screen, scrolls (↓ j ↑ k ] [) with a sign
/// saying how much more there is, so nothing is ever cut mid-word or lost.
enum HelpView {
  /// The keys and what they do.
  static let keys: [(String, String)] = [
    ("n l → space · p h ←", "next step · previous step"),
    ("f · g  Home", "all forward: end of the forward pass · step 0"),
    ("b  G  End", "all backward: every gradient, then the gradient check"),
    ("Tab  Shift-Tab  click", "inspect the next / previous / clicked node"),
    ("/ · N", "find a node by name (Enter select, Tab next, Esc cancel) · next match"),
    ("e", "edit the selected input: Enter apply, Esc cancel"),
    ("+  -  ,  .", "nudge the selected input by the step; step ÷10, ×10"),
    ("v", "generations: in the boxes, and backward's queue"),
    ("r", "retainGrad false: gradients freed once used"),
    ("s", "a shared variable's contributions: largest first / in order"),
    ("w · !", "gradient flow per parameter · first nan/inf step"),
    ("↓ j  ↑ k  ] [", "scroll the inspector (or this help): a line, \(Command.scrollPage) lines"),
    ("d", "tensor digits: 5 significant / full"),
    ("o · c", "left-to-right / top-to-bottom · collapse chains"),
    ("z · =", "zoom: boxes, compact, one line, names · fit all"),
    ("H J K L  0", "move the view (Shift-arrows, PgUp, PgDn); 0 follow"),
    ("( )  ^ $", "move the view a screen left / right · to the graph's first / last end"),
    ("a", "play / pause: a step every 0.8 s"),
    ("< > { } i", "with a repeat line: previous / next / first / last iteration; i go to iteration N"),
    ("t · T", "plots: the loss, a path on the loss surface, y(x) and its tangent · log / linear"),
    ("?", "show / hide this help"),
    ("Esc", "close the help, editor or search, else clear the selection"),
    ("q  Ctrl-C", "quit"),
  ]

  /// What the marks on screen mean.
  static let legend: [(String, String)] = [
    ("╭ rounded ╮", "a variable: name, data (d), grad (g)"),
    ("┌ square ┐", "a function; ∂Mul: recorded by grad(…), a backward made into a graph"),
    ("╭╌ dashed ╌╮", "a reference: another copy of a variable used far away (↗ name)"),
    ("magenta", "the active step's function, its inputs and outputs"),
    ("green", "a value the step just computed"),
    ("━ heavy wire", "a wire of the active step or of the selection"),
    ("◀ arrows", "on a backward step the active wires point back: the gradient flows to the inputs"),
    ("•", "a value the last edit or nudge changed"),
    ("—  freed", "not computed yet · a grad retainGrad false has freed"),
    ("g2", "a generation tag (v): backward runs the highest generation first"),
  ]

  /// The overlay's lines for a box `width` characters wide inside: keys, then the legend.
  static func lines(width: Int) -> [StyledLine] {
    func table(_ rows: [(String, String)]) -> [StyledLine] {
      let keyWidth = rows.map(\.0.count).max()!
      let indent = String(repeating: " ", count: keyWidth + 2)
      return rows.flatMap { key, meaning in
        guard keyWidth + 2 + 12 <= width else {
          return [StyledLine(key, Theme.helpKey)]
            + wrap([meaning], width: width - 2, indent: "").map { StyledLine("  " + $0) }
        }
        return wrap([meaning], width: width - keyWidth - 2, indent: "").enumerated().map { row, text in
          StyledLine([((row == 0 ? key.padded(to: keyWidth + 2) : indent), Theme.helpKey), (text, .plain)])
        }
      }
    }
    return [StyledLine("Keys", Theme.heading)] + table(keys) + [
      StyledLine(""), StyledLine("Legend", Theme.heading),
    ]
      + table(legend)
  }

  /// The most lines the help scrolls by in a `columns` × `rows` screen.
  static func maxScroll(columns: Int, rows: Int) -> Int {
    let frame = frame(columns: columns, rows: rows)
    return max(lines(width: frame.width - 4).count - (frame.height - 2), 0)
  }

  /// The overlay's box: as wide as its longest line or the screen, as tall as its lines or the screen.
  private static func frame(columns: Int, rows: Int) -> (width: Int, height: Int) {
    let natural = lines(width: 200).map(\.count).max()! + 4
    let width = min(natural, columns)
    return (width, min(lines(width: width - 4).count + 2, rows))
  }

  /// Draws the overlay centred in the buffer, scrolled down by `scroll` lines (clamped); the bottom
  /// border says how many lines are above and below.
  static func draw(into buffer: inout ScreenBuffer, scroll: Int) {
    let (width, height) = frame(columns: buffer.columns, rows: buffer.rows)
    let lines = lines(width: width - 4)
    let rows = height - 2
    let top = min(max(scroll, 0), max(lines.count - rows, 0))
    let x = (buffer.columns - width) / 2
    let y = (buffer.rows - height) / 2
    buffer.fill(x: x, y: y, width: width, height: height)
    buffer.box(x: x, y: y, width: width, height: height, kind: .rounded, style: Theme.heading)
    for (row, line) in lines[top..<min(top + rows, lines.count)].enumerated() {
      line.draw(into: &buffer, x: x + 2, y: y + 1 + row, width: width - 4)
    }
    let below = lines.count - top - rows
    let sign = [top > 0 ? "↑\(top)" : nil, below > 0 ? "↓\(below) more (j k)" : nil].compactMap { $0 }
    guard !sign.isEmpty else { return }
    let text = " " + sign.joined(separator: " ") + " "
    buffer.text(
      text, x: x + max(width - text.count - 2, 1), y: y + height - 1, style: Theme.helpKey,
      maxWidth: width - 2)
  }
}
