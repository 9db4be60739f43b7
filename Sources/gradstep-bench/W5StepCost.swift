import GraphProgram
import Stepping
import Visualizer

/// W5 "step cost": one step of the cursor and the whole frame it shows,
/// `AppState.update(.next)` then `Screen.render` at 120×40, on the seed and on 5,000-function
/// programs (`W5Programs`). The median over `samples` steps, taken in two windows of `samples / 2`
/// consecutive steps each: from step 0, and from the end of the forward pass (so backward steps
/// count too). At the last step the cursor goes back to 0 (`.start`, untimed). Before the windows:
/// the first frame (which lays the graph out; reported apart) and `warmUp` untimed steps.
enum W5StepCost {
  /// The frame size.
  static let columns = 120
  /// The frame size.
  static let rows = 40

  /// Measures the seed and the two big programs.
  static func run(quick: Bool, report: Report) {
    let samples = quick ? 200 : 2_000
    W5Cases.run("W5", label: "W5 step", quick: quick, report: report) { program, line in
      let result = try measure(try program.text(), expectedFunctions: program.functions, samples: samples)
      line["runs"] = .int(1)
      line["steps"] = .int(result.steps)
      line["samples"] = .int(samples)
      line["step_us"] = .double(rounded(result.median * 1e6, places: 2))
      line["p90_us"] = .double(rounded(result.p90 * 1e6, places: 2))
      line["first_frame_ms"] = .double(rounded(result.firstFrame * 1e3, places: 3))
      return "\(formatted(result.median * 1e6, places: 2)) µs per step (p90"
        + " \(formatted(result.p90 * 1e6, places: 2)) µs), first frame \(formatted(result.firstFrame * 1e3)) ms"
    }
  }

  /// The median and 90th percentile of a step's seconds, the first frame's seconds and the
  /// timeline's length.
  struct Outcome {
    var median: Double
    var p90: Double
    var firstFrame: Double
    var steps: Int
  }

  /// Parses `text`, builds the app state as `gradstep` does and times the steps. Throws on a
  /// program that does not parse, the wrong number of functions, a step that does not advance the
  /// cursor by one, or a frame without the step in its title or with an empty graph area.
  static func measure(_ text: String, expectedFunctions: Int?, samples: Int, warmUp: Int = 100) throws
    -> Outcome
  {
    let (_, session) = try W5Cases.session(of: text, expectedFunctions: expectedFunctions)
    var state = AppState(session: session, title: "w5.grad")
    let screen = Screen()
    let (firstFrame, frame) = timed { screen.render(state, columns: columns, rows: rows) }
    try check(frame, state)
    var times = [Double]()
    times.reserveCapacity(samples)
    let windows = [
      (0, warmUp, false), (0, samples / 2, true), (session.forwardEnd, samples - samples / 2, true),
    ]
    for (start, count, timing) in windows {
      while state.session.cursor != start { state.update(state.session.cursor < start ? .next : .start) }
      for _ in 0..<count {
        if state.session.cursor == state.session.stepCount { state.update(.start) }
        let before = state.session.cursor
        let (seconds, frame) = timed { () -> ScreenBuffer in
          state.update(.next)
          return screen.render(state, columns: columns, rows: rows)
        }
        guard state.session.cursor == before + 1 else {
          throw CheckFailure(description: "step from \(before) went to \(state.session.cursor)")
        }
        try check(frame, state)
        if timing { times.append(seconds) }
      }
    }
    let sorted = times.sorted()
    return Outcome(
      median: median(times), p90: sorted[(sorted.count * 9) / 10], firstFrame: firstFrame,
      steps: session.stepCount)
  }

  /// Throws unless the title line shows the cursor and the graph area below it has ink.
  private static func check(_ frame: ScreenBuffer, _ state: AppState) throws {
    let lines = frame.plainLines()
    let step = "step \(state.session.cursor)/\(state.session.stepCount)"
    guard lines[0].contains(step) else {
      throw CheckFailure(description: "title \(lines[0].debugDescription) does not show \(step)")
    }
    guard lines[1..<(rows / 2)].contains(where: { !$0.isEmpty }) else {
      throw CheckFailure(description: "empty graph area at \(step)")
    }
  }
}
