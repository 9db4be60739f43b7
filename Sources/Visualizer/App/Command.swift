/// Everything a user can ask of the app; keys map to commands, and `AppState.update` applies them.
public enum Command: Equatable, Sendable {
  /// One step forward in the timeline.
  case next
  /// One step back.
  case previous
  /// Back to step 0.
  case start
  /// To the last forward step.
  case forwardEnd
  /// To the last step (backward done, gradient check shown).
  case end
  /// Select the next node for the inspector (after the last, back to following the active step).
  case selectNext
  /// Select the previous node.
  case selectPrevious
  /// Select node `id` (variables first, then functions), or clear the selection with `nil`.
  case select(Int?)
  /// Show or hide the help overlay.
  case toggleHelp
  /// Switch between left-to-right and top-to-bottom layout.
  case toggleOrientation
  /// Move the view of the graph by whole cells.
  case pan(dx: Int, dy: Int)
  /// Move the view by a screen's width (`(` and `)`; `forward` is to the right); the app turns it into
  /// ``pan(dx:dy:)`` for the screen's size.
  case pageView(forward: Bool)
  /// Move the view to the graph's first end (`^`: its left, or its top when it runs top to bottom)
  /// or its last end (`$`); the app turns it into ``pan(dx:dy:)``.
  case jumpView(toLast: Bool)
  /// Open the search line (`/`).
  case openSearch
  /// Change the search line's text; the first match is selected at once.
  case editSearch(LineEditor.Edit)
  /// Close the search line, keeping the match selected.
  case commitSearch
  /// Close the search line and go back to the selection before it.
  case cancelSearch
  /// Select the next match of the last search (`N`).
  case nextMatch
  /// Go back to following the active step (undo panning).
  case recenter
  /// Scroll the inspector by whole lines (down for positive).
  case scrollInspector(lines: Int)
  /// Show tensors in full precision in the inspector, or back to five significant digits.
  case togglePrecision
  /// Collapse chains of single-input functions into one box, or expand them again.
  case toggleCollapse
  /// The next smaller zoom level, after the smallest the largest (`z`); the app turns it into
  /// ``setZoom(_:message:)`` with the level shown now.
  case cycleZoom
  /// The largest zoom level at which the whole graph fits (`=`); the app turns it into
  /// ``setZoom(_:message:)``, or a notice when no level fits.
  case fitZoom
  /// Draw nodes in `style`, or (`nil`) in the largest style that fits the whole graph, else
  /// compact; `message` goes on the status line.
  case setZoom(BoxStyle?, message: String)
  /// Start or stop playing the timeline by itself, one step per tick.
  case togglePlay
  /// Time passed (sent by the front end while playing): one step forward, stopping at the end.
  case tick
  /// Close the help overlay, else clear the selection; never leaves the app (`q` and Ctrl-C do).
  case dismiss
  /// Leave the app.
  case quit
  /// Say `message` on the status line (for a key that does nothing here); the next key clears it.
  case notice(String)
  /// Open the value editor on the selected input, prefilled with its value.
  case openEditor
  /// Change the value editor's text.
  case editLine(LineEditor.Edit)
  /// Give the input the value the editor holds and recompute the timeline; a bad value keeps the
  /// editor open and says why.
  case commitEdit
  /// Close the value editor without changing anything.
  case cancelEdit
  /// Change the selected scalar input by `steps` times the nudge step and recompute the timeline.
  case nudge(steps: Int)
  /// Multiply the nudge step by 10 to the power `exponent` (`.`: 1, `,`: -1).
  case scaleNudgeStep(exponent: Int)
  /// Show or hide generations in the boxes and the backward queue in the inspector.
  case toggleGenerations
  /// List a shared variable's gradient contributions largest first, or in timeline order again (`s`).
  case toggleContributionOrder
  /// Show gradients as `retainGrad: false` leaves them (freed once used), or all of them again.
  case toggleRetainGrad
  /// Show the gradient flow (per parameter norms, ratio, marks) instead of the inspector, or back.
  case toggleGradientFlow
  /// Move to the first step that produced a nan or an infinity.
  case firstNonFinite

  /// Show another iteration of the `repeat` loop, at the same step.
  case moveIteration(IterationMove)
  /// Open the line that takes an iteration's number to go to.
  case openIterationEditor
  /// Show or hide the plot pane.
  case togglePlot
  /// Switch the loss plot between linear and log scale.
  case togglePlotScale

  /// Where `moveIteration` goes.
  public enum IterationMove: Equatable, Sendable {
    case next, previous, first, last
  }

  /// How many lines `[` and `]` scroll the inspector by: the inspector's height at 80×24.
  public static let scrollPage = 8

  /// The command bound to `key`, `nil` when the key does nothing. Clicks are mapped by the screen,
  /// which knows where the nodes are.
  public init?(key: Key) {
    switch key {
    case .character("n"), .character("l"), .right, .character(" "), .enter: self = .next
    case .character("p"), .character("h"), .left: self = .previous
    case .character("g"), .home: self = .start
    case .character("f"): self = .forwardEnd
    case .character("b"), .character("G"), .end: self = .end
    case .tab: self = .selectNext
    case .backTab: self = .selectPrevious
    case .character("?"): self = .toggleHelp
    case .character("o"): self = .toggleOrientation
    case .character("H"), .shiftLeft: self = .pan(dx: -8, dy: 0)
    case .character("L"), .shiftRight: self = .pan(dx: 8, dy: 0)
    case .character("K"), .shiftUp: self = .pan(dx: 0, dy: -4)
    case .character("J"), .shiftDown: self = .pan(dx: 0, dy: 4)
    case .character("("): self = .pageView(forward: false)
    case .character(")"): self = .pageView(forward: true)
    case .character("^"): self = .jumpView(toLast: false)
    case .character("$"): self = .jumpView(toLast: true)
    case .character("/"): self = .openSearch
    case .character("N"): self = .nextMatch
    case .pageUp: self = .pan(dx: 0, dy: -12)
    case .pageDown: self = .pan(dx: 0, dy: 12)
    case .character("0"): self = .recenter
    case .character("c"): self = .toggleCollapse
    case .character("z"): self = .cycleZoom
    case .character("="): self = .fitZoom
    case .character("a"): self = .togglePlay
    case .down, .character("j"): self = .scrollInspector(lines: 1)
    case .up, .character("k"): self = .scrollInspector(lines: -1)
    case .character("]"): self = .scrollInspector(lines: Command.scrollPage)
    case .character("["): self = .scrollInspector(lines: -Command.scrollPage)
    case .character("d"): self = .togglePrecision
    case .character("e"): self = .openEditor
    case .character("+"): self = .nudge(steps: 1)
    case .character("-"): self = .nudge(steps: -1)
    case .character("."): self = .scaleNudgeStep(exponent: 1)
    case .character(","): self = .scaleNudgeStep(exponent: -1)
    case .character("v"): self = .toggleGenerations
    case .character("r"): self = .toggleRetainGrad
    case .character("w"): self = .toggleGradientFlow
    case .character("!"): self = .firstNonFinite
    case .character("s"): self = .toggleContributionOrder
    case .character(">"): self = .moveIteration(.next)
    case .character("<"): self = .moveIteration(.previous)
    case .character("{"): self = .moveIteration(.first)
    case .character("}"): self = .moveIteration(.last)
    case .character("i"): self = .openIterationEditor
    case .character("t"): self = .togglePlot
    case .character("T"): self = .togglePlotScale
    case .escape: self = .dismiss
    case .character("q"): self = .quit
    default: return nil
    }
  }

  /// The command bound to `key` while the search line is open, `nil` when the key does nothing
  /// there: characters are typed, Backspace, ←, →, Home, End and Ctrl-U edit, Enter keeps the
  /// match, Esc cancels, Tab selects the next match.
  public init?(searchKey key: Key) {
    switch key {
    case .enter: self = .commitSearch
    case .escape: self = .cancelSearch
    case .tab: self = .nextMatch
    default:
      guard case .editLine(let edit) = Command(editorKey: key) else { return nil }
      self = .editSearch(edit)
    }
  }

  /// The command bound to `key` while the value editor is open, `nil` when the key does nothing
  /// there: characters are typed, Backspace, ←, →, Home, End and Ctrl-U edit, Enter applies, Esc
  /// cancels.
  public init?(editorKey key: Key) {
    switch key {
    case .character(let character): self = .editLine(.insert(character))
    case .backspace: self = .editLine(.deleteBackward)
    case .left: self = .editLine(.moveLeft)
    case .right: self = .editLine(.moveRight)
    case .home: self = .editLine(.moveToStart)
    case .end: self = .editLine(.moveToEnd)
    case .clearLine: self = .editLine(.clear)
    case .enter: self = .commitEdit
    case .escape: self = .cancelEdit
    default: return nil
    }
  }
}
