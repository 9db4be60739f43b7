import Stepping

/// The title line and the key-help line.
enum Chrome {
  /// ` GradStep · seed.grad` on the left; on the right the selection and the modes that are on,
  /// then `step 3/7 · forward` (`step 11/16 · backward 2` in the second of several backward
  /// passes), as one bar. When narrow, the left side shortens to the title, then
  /// goes, then the selection and the modes go from the left, so that the step is never cut.
  /// ` 2` on a seed or backward step (before the last step) when the timeline has several backward passes.
  private static func pass(_ session: Session) -> String {
    guard session.passCount > 1, [.seed, .backward].contains(session.phase), let step = session.currentStep
    else { return "" }
    return " \(step.pass)"
  }

  static func titleBar(_ state: AppState, width: Int) -> StyledLine {
    let session = state.session
    let iteration = state.optimization.map { "iteration \(state.iteration)/\($0.iterationCount) · " } ?? ""
    let step =
      iteration + "step \(session.cursor)/\(session.stepCount) · \(session.phase.rawValue)\(pass(session)) "
    var notes = [
      state.selection.map { "selected \(label(of: $0, in: session.graph))" },
      state.showsGenerations ? "generations" : nil, state.retainsGrad ? nil : "retainGrad false",
      state.fullPrecision ? "full digits" : nil, state.isPlaying ? "playing" : nil,
    ].compactMap { $0 }
    var right: String { notes.map { $0 + " · " }.joined() + step }
    while !notes.isEmpty && right.count >= width { notes.removeFirst() }
    let left =
      [" GradStep · \(state.title)", " \(state.title)"].first { $0.count + right.count < width } ?? ""
    let gap = max(width - left.count - right.count, 0)
    return StyledLine(left + String(repeating: " ", count: gap) + right, Theme.titleBar).fitted(to: width)
  }

  static func label(of node: Int, in graph: GraphModel) -> String {
    node < graph.variables.count
      ? graph.variables[node].label : graph.functions[node - graph.variables.count].label
  }

  /// The bottom line: the status message when the last key did nothing here, otherwise the key
  /// bindings that fit in `width`, by priority (quit and help always), in reading order. The scroll
  /// keys are listed when the inspector has more lines than it shows.
  /// With an input selected, `e` and (for a scalar) the nudge step come right after the steps.
  static func footer(_ state: AppState, inspectorCut: Bool, width: Int) -> StyledLine {
    if let editor = state.editor { return editorLine(editor, state: state, width: width) }
    if let search = state.search { return searchLine(search, state: state, width: width) }
    if let line = state.iterationEditor {
      return lineEditorLine(
        line, prompt: " go to iteration (0–\(state.lastIteration)): ", state: state, width: width)
    }
    if let status = state.status { return StyledLine(" " + status, Theme.status) }
    typealias Item = (key: String, action: String, priority: Int)
    let steps: [Item] = [
      ("n/→", "next", 2), ("p/←", "back", 3), ("f", "all forward", 8), ("b", "all backward", 4),
      ("g", "start", 10), ("tab", "select", 9), ("/", "find", 13),
    ]
    var edit: [Item] = []
    if let input = state.selection, input < state.session.graph.variables.count,
      state.session.graph.variables[input].isLeaf
    {
      edit.append(("e", "edit", 5))
      if state.session.graph.variables[input].variable.shape.isEmpty {
        edit.append(("+/-", "±" + NumberFormat.full(state.nudgeStep), 6))
      }
    }
    let scroll: [Item] = inspectorCut ? [("↑↓", "scroll", 7)] : []
    let digits: [Item] = state.hasTensors ? [("d", "digits", 12)] : []
    let iterations: [Item] = state.optimization == nil ? [] : [("< >", "iteration", 3), ("t", "plot", 4)]
    let items =
      steps + iterations + edit + scroll + digits + [("o", "flip", 11), ("?", "help", 1), ("q", "quit", 0)]
    var kept = Set<Int>()
    var used = 0
    for (position, item) in items.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
      let length = item.key.count + item.action.count + 2
      guard used + length <= width else { continue }
      kept.insert(position)
      used += length
    }
    return StyledLine(
      items.enumerated().filter { kept.contains($0.offset) }.flatMap { _, item in
        [(" " + item.key, Theme.helpKey), (" " + item.action, Theme.help)]
      })
  }

  /// The value editor in place of the bottom line: `edit x = 0.5▌`, then why the last Enter did
  /// not apply the value, or how to leave. The cursor is a reversed cell; a long text scrolls so
  /// that the cursor stays in view, in what the reason leaves (at least 8 columns), so the reason
  /// stays in view too.
  static func editorLine(_ editor: ValueEditor, state: AppState, width: Int) -> StyledLine {
    lineEditorLine(
      editor.line, prompt: " edit \(state.session.graph.variables[editor.variable].label) = ", state: state,
      width: width)
  }

  /// A line editor after `prompt`, then why the last Enter did not apply, or how to leave.
  static func lineEditorLine(_ line: LineEditor, prompt: String, state: AppState, width: Int) -> StyledLine {
    let note = state.status.map { ("  " + $0, Theme.fail) } ?? ("  Enter apply · Esc cancel", Theme.help)
    let reason = state.status == nil ? 0 : note.0.count
    let room = max(width - prompt.count - 1 - reason, min(8, width - prompt.count - 1), 1)
    let start = max(line.cursor - room + 1, 0)
    let end = min(start + room, line.characters.count)
    let before = String(line.characters[start..<line.cursor])
    let under = line.cursor < line.characters.count ? String(line.characters[line.cursor]) : " "
    let after = line.cursor < end ? String(line.characters[(line.cursor + 1)..<end]) : ""
    return StyledLine([
      (prompt, Theme.heading), (before, .plain), (under, Theme.selected), (after, .plain), note,
    ])
  }

  /// The search line in place of the bottom line: `/h2▌  3 matches · Enter select · Tab next ·
  /// Esc cancel`, or why nothing matches.
  static func searchLine(_ search: Search, state: AppState, width: Int) -> StyledLine {
    let count = state.searchMatches.count
    let note: (String, CellStyle) =
      search.line.characters.isEmpty
      ? ("  type a name (prefix or part) · Esc cancel", Theme.help)
      : count == 0
        ? ("  no match · Esc cancel", Theme.fail)
        : ("  \(count) match\(count == 1 ? "" : "es") · Enter select · Tab next · Esc cancel", Theme.help)
    let line = search.line
    let before = String(line.characters[..<line.cursor])
    let under = line.cursor < line.characters.count ? String(line.characters[line.cursor]) : " "
    let after = line.cursor < line.characters.count ? String(line.characters[(line.cursor + 1)...]) : ""
    let text = StyledLine([
      (" /", Theme.heading), (before, .plain), (under, Theme.selected), (after, .plain), note,
    ])
    return text.count <= width
      ? text : StyledLine([(" /", Theme.heading), (before, .plain), (under, Theme.selected)])
  }
}
