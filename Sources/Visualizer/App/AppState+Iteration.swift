import Stepping

/// Moving between the iterations of a `repeat` loop: each one's timeline is rebuilt from its
/// parameters (`Session.atIteration`), with the cursor kept at the same step.
extension AppState {
  /// The number of the last iteration entry (the values after the last update); 0 without a loop.
  public var lastIteration: Int { optimization?.iterationCount ?? 0 }

  mutating func moveIteration(_ move: Command.IterationMove) {
    guard optimization != nil else {
      status = "no iterations: the program has no repeat line"
      return
    }
    let target =
      switch move {
      case .next: iteration + 1
      case .previous: iteration - 1
      case .first: 0
      case .last: lastIteration
      }
    guard (0...lastIteration).contains(target), target != iteration else {
      status = target > iteration || target > lastIteration ? "at the last iteration" : "at iteration 0"
      return
    }
    show(iteration: target)
  }

  /// Shows iteration `entry` (within `0...lastIteration`) at the same step.
  mutating func show(iteration entry: Int) {
    guard let optimization else { return }
    session = session.atIteration(entry, of: optimization)
    iteration = entry
  }

  mutating func openIterationEditor() {
    guard optimization != nil else {
      status = "no iterations: the program has no repeat line"
      return
    }
    showsHelp = false
    iterationEditor = LineEditor("")
  }

  mutating func commitIterationEditor() {
    guard let text = iterationEditor?.text else { return }
    guard let entry = Int(text.filter { !$0.isWhitespace }), (0...lastIteration).contains(entry) else {
      status = "type an iteration from 0 to \(lastIteration)"
      return
    }
    iterationEditor = nil
    show(iteration: entry)
  }

  mutating func togglePlot() {
    showsPlot.toggle()
  }
}
