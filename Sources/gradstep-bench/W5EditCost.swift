import GraphProgram
import Stepping
import Visualizer

/// W5 "edit cost" (issue 11's what-if editing): at the last step of the seed and of W5's
/// 5,000-function programs (`W5Programs`), the program's first input is selected and given a new
/// value with the value editor, as `e`, typing and Enter do. Timed apart: the recompute
/// (`AppState.update(.commitEdit)`: the forward pass replayed, a new timeline with its backward
/// pass, the cursor moved back to the last step, what changed) and the frame after it
/// (`Screen.render` at 120×40, with the gradient check of the new values). The value alternates
/// between the input's own and that plus 0.125, so every run changes every computed value. One
/// warm-up, then the median of 5 runs. **Checks**: the function count; after each edit the editor
/// is closed, the cursor is where it was, the input holds the typed value, the status line names
/// the change, and the frame's title shows the step.
enum W5EditCost {
  /// Measures the seed and the two big programs, and each one's ratio to the seed's edit.
  static func run(quick: Bool, report: Report) {
    var seedEdit: Double?
    W5Cases.run("W5edit", label: "W5 edit", quick: quick, report: report) { program, line in
      let result = try measure(try program.text(), expectedFunctions: program.functions)
      let edit = result.recompute + result.frame
      if program.name == "seed" { seedEdit = edit }
      let ratio = seedEdit.map { edit / $0 }
      line["runs"] = .int(result.runs)
      line["edit_ms"] = .double(rounded(edit * 1e3, places: 3))
      line["recompute_ms"] = .double(rounded(result.recompute * 1e3, places: 3))
      line["frame_ms"] = .double(rounded(result.frame * 1e3, places: 3))
      line["ratio_to_seed"] = ratio.map { .double(rounded($0, places: 1)) }
      return "\(formatted(edit * 1e3, places: 2)) ms per edit (recompute "
        + "\(formatted(result.recompute * 1e3, places: 2)) ms + frame \(formatted(result.frame * 1e3, places: 2)) ms)"
        + (ratio.map { ", \(formatted($0))× the seed's" } ?? "")
    }
  }

  /// The median seconds of the recompute and of the frame after it, and how many runs were timed.
  struct Outcome {
    var recompute: Double
    var frame: Double
    var runs: Int
  }

  /// Parses `text`, builds the app state as `gradstep` does, goes to the last step and times edits
  /// of the first input.
  static func measure(_ text: String, expectedFunctions: Int?) throws -> Outcome {
    let (program, session) = try W5Cases.session(of: text, expectedFunctions: expectedFunctions)
    guard let first = program.inputs.first, let input = session.graph.index(of: first.variable),
      let own = session.data(of: input)?.scalar
    else { throw CheckFailure(description: "the program has no scalar input") }
    var state = AppState(session: session, title: "w5.grad")
    let screen = Screen()
    _ = screen.render(state, columns: W5StepCost.columns, rows: W5StepCost.rows)
    state.update(.end)
    state.update(.select(input))
    let name = session.graph.variables[input].label
    var edits = 0
    let (phases, runs) = try medianRuns(slowSeconds: 5) {
      edits += 1
      let value = NumberFormat.full(edits.isMultiple(of: 2) ? own : own + 0.125)
      state.update(.openEditor)
      state.update(.editLine(.clear))
      for character in value { state.update(.editLine(.insert(character))) }
      let cursor = state.session.cursor
      let recompute = timed { state.update(.commitEdit) }.seconds
      let (frame, buffer) = timed {
        screen.render(state, columns: W5StepCost.columns, rows: W5StepCost.rows)
      }
      guard state.editor == nil, state.session.cursor == cursor,
        state.session.data(of: input)?.scalar.map(NumberFormat.full) == value,
        state.status?.hasPrefix("\(name) = \(value) (was ") == true, !state.changed.isEmpty
      else {
        throw CheckFailure(
          description: "edit \(edits) of \(name) to \(value): \(state.status ?? "no status")")
      }
      let step = "step \(cursor)/\(state.session.stepCount)"
      guard buffer.plainLines()[0].contains(step) else {
        throw CheckFailure(description: "the frame after edit \(edits) does not show \(step)")
      }
      return [recompute, frame]
    }
    return Outcome(recompute: phases[0], frame: phases[1], runs: runs)
  }
}
