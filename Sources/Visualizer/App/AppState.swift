import GraphLayout
import Stepping

/// Everything the screen shows, as a value: the session and its cursor, the selection, the view.
/// `update(_:)` is pure: (state, command) → state, with no I/O and no clock.
public struct AppState {
  /// The timeline and its cursor.
  public internal(set) var session: Session
  /// The program's name for the title line (`seed.grad`).
  public let title: String
  /// The program's lesson and its notes on steps, from its comments.
  public let narration: Narration
  /// Left-to-right (DeZero's `rankdir=LR`) or top-to-bottom.
  public private(set) var orientation: Orientation
  /// The node the inspector shows instead of the active step (variables first, then functions).
  public internal(set) var selection: Int?
  /// Whether the help overlay is shown.
  public internal(set) var showsHelp = false
  /// How many lines the help overlay is scrolled down (while it is shown, the scroll keys move it).
  public private(set) var helpScroll = 0
  /// How far the user has moved the view from following the active step, in cells.
  public internal(set) var pan = (x: 0, y: 0)
  /// Whether chains of single-input functions are drawn as one box.
  public private(set) var collapsed = false
  /// Whether the timeline is playing by itself (a step per `.tick`).
  public private(set) var isPlaying = false
  /// Whether the user asked to quit.
  public private(set) var wantsQuit = false
  /// How many lines the inspector is scrolled down (the screen stops at its last line).
  public internal(set) var inspectorScroll = 0
  /// Whether the inspector shows tensors in full precision rather than five significant digits.
  public private(set) var fullPrecision = false
  /// A one-line message about the last key, when it did nothing here ("nothing to collapse")
  /// or what an edit changed; the next key clears it.
  public internal(set) var status: String?
  /// The value editor, when open: then keys type into it instead of stepping (`Command(editorKey:)`).
  public internal(set) var editor: ValueEditor?
  /// The search line, when open (`/`): then keys type into it (`Command(searchKey:)`).
  public internal(set) var search: Search?
  /// The last search's text, for `N` (the next match).
  public internal(set) var lastSearch: String?
  /// The variables whose data or grad at the cursor the last edit or nudge changed, marked in
  /// their boxes; the next key clears them.
  public internal(set) var changed: Set<Int> = []
  /// The nudge step is 10 to this power: `+` and `-` change the selected input by it.
  public internal(set) var nudgeExponent = -1
  /// Whether boxes show their generation and backward steps the queue they were picked from.
  public private(set) var showsGenerations = false
  /// Whether the inspector area shows the gradient flow (`GradientFlowView`) instead.
  public private(set) var showsGradientFlow = false
  /// Whether gradients are kept (`retainGrad: true`, the default) or shown freed once their
  /// function's backward has used them, as `backward(retainGrad: false)` does.
  public private(set) var retainsGrad = true
  /// Whether a shared variable's gradient contributions are listed largest first (`s`) rather than
  /// in timeline order.
  public private(set) var sortsContributionsBySize = false
  /// The zoom level chosen with `z`, `nil` for the largest that fits the whole graph (else compact).
  public private(set) var zoom: BoxStyle?
  /// The nodes in the order Tab visits them: each function's new inputs, the function, its outputs.
  public let tabOrder: [Int]
  /// Whether the graph has a chain that `c` can collapse.
  public let hasChains: Bool
  /// Whether any variable is a tensor (so that `d`, the display precision, matters).
  public let hasTensors: Bool
  /// The optimisation run of the program's `repeat` line, `nil` without one.
  public let optimization: Optimization?
  /// The iteration shown (an entry of `optimization`, 0 without one).
  public internal(set) var iteration = 0
  /// The go-to-iteration line, when open: keys type the iteration's number into it.
  public internal(set) var iterationEditor: LineEditor?
  /// Whether the plot pane (loss, parameter path, function and tangent) replaces the inspector.
  public internal(set) var showsPlot = false
  /// Whether the loss plot uses a log scale (`T` flips it); it starts on when every loss is
  /// positive and they span more than a factor of 100.
  public internal(set) var logScale = false

  /// Notes on how the graph was set up (a model's inputs filled with a pattern, and how to set
  /// them): the status line shows them until the first key, and the JSON lists them.
  public let notes: [String]

  /// A state at step 0 of `session`, narrated by `narration`; with `optimization` (a run on the
  /// session's graph, which shows its iteration 0), at iteration 0; with `notes` on how it was set up.
  public init(
    session: Session, title: String, orientation: Orientation = .leftToRight,
    narration: Narration = Narration(), optimization: Optimization? = nil, notes: [String] = []
  ) {
    self.session = session
    self.optimization = optimization
    if let losses = optimization?.losses.filter(\.isFinite), let low = losses.min(), low > 0 {
      logScale = losses.max()! / low > 100
    }
    self.title = title
    self.narration = narration
    self.orientation = orientation
    self.notes = notes
    status = notes.isEmpty ? nil : notes.joined(separator: "; ")
    tabOrder = AppState.visitOrder(of: session.graph)
    hasTensors = session.graph.variables.contains { $0.variable.shape.count > 0 }
    hasChains = DisplayGraph(collapsing: session.graph).nodes.contains {
      if case .chain = $0 { true } else { false }
    }
  }

  /// Applies one command. Every command but `.tick` (time, not a key) clears the status message
  /// and the marks of the last edit. An edit or nudge computes the new timeline here
  /// (`Session.editing`), with no I/O; it re-runs the forward pass in the graph's own variables, so
  /// a state kept from before shows its recorded values but its graph holds the new ones.
  public mutating func update(_ command: Command) {
    if command != .tick {
      status = nil
      changed = []
    }
    switch command {
    case .next: move(to: session.cursor + 1, else: "at the last step (g: back to step 0)")
    case .previous: move(to: session.cursor - 1, else: "already at step 0")
    case .start: move(to: 0, else: "already at step 0")
    case .forwardEnd: move(to: session.forwardEnd, else: "already at the end of the forward pass")
    case .end: move(to: session.stepCount, else: "already at the last step")
    case .selectNext: cycleSelection(by: 1)
    case .selectPrevious: cycleSelection(by: -1)
    case .select(let node):
      selection = node.flatMap { (0..<session.graph.nodeCount).contains($0) ? $0 : nil }
      inspectorScroll = 0
    case .toggleHelp:
      showsHelp.toggle()
      helpScroll = 0
    case .openSearch: openSearch()
    case .editSearch(let edit): editSearch(edit)
    case .commitSearch: commitSearch()
    case .cancelSearch: cancelSearch()
    case .nextMatch: nextMatch()
    case .toggleOrientation:
      orientation = orientation == .leftToRight ? .topToBottom : .leftToRight
      pan = (0, 0)
    case .pan(let dx, let dy): pan = (pan.x + dx, pan.y + dy)
    case .pageView, .jumpView: break  // the app turns them into pans, knowing the screen's size
    case .recenter: pan = (0, 0)
    case .cycleZoom: zoom = (zoom ?? .compact).next
    case .fitZoom: zoom = nil
    case .setZoom(let style, let message):
      zoom = style
      pan = (0, 0)
      status = message
    case .scrollInspector(let lines):
      if showsHelp {
        helpScroll = max(helpScroll + lines, 0)
      } else {
        inspectorScroll = max(inspectorScroll + lines, 0)
      }
    case .togglePrecision: fullPrecision.toggle()
    case .toggleCollapse:
      guard hasChains else {
        status = "nothing to collapse: no chain of one-input functions here"
        return
      }
      collapsed.toggle()
    case .togglePlay:
      isPlaying = !isPlaying && session.cursor < session.stepCount
      if !isPlaying && session.cursor == session.stepCount {
        status = "at the last step, nothing to play (g: back to step 0)"
      }
    case .tick:
      guard isPlaying, session.cursor < session.stepCount else {
        isPlaying = false
        return
      }
      changed = []
      move(to: session.cursor + 1, else: nil)
    case .dismiss:
      if showsHelp {
        showsHelp = false
      } else if selection != nil {
        selection = nil
        inspectorScroll = 0
      } else {
        status = "Esc: nothing to close or clear; q quits"
      }
    case .quit: wantsQuit = true
    case .notice(let message): status = message
    case .openEditor: openEditor()
    case .editLine(let edit):
      editor?.line.apply(edit)
      iterationEditor?.apply(edit)
    case .commitEdit: iterationEditor == nil ? commitEdit() : commitIterationEditor()
    case .cancelEdit:
      editor = nil
      iterationEditor = nil
    case .moveIteration(let move): moveIteration(move)
    case .openIterationEditor: openIterationEditor()
    case .togglePlot: togglePlot()
    case .togglePlotScale: logScale.toggle()
    case .nudge(let steps): nudge(steps: steps)
    case .scaleNudgeStep(let exponent): scaleNudgeStep(exponent: exponent)
    case .toggleGenerations: showsGenerations.toggle()
    case .toggleRetainGrad: retainsGrad.toggle()
    case .toggleGradientFlow:
      showsGradientFlow.toggle()
      inspectorScroll = 0
    case .firstNonFinite:
      guard let first = GradientFlow(session: session).firstNonFinite else {
        status = "no step produced a nan or an infinity"
        return
      }
      move(to: first.step, else: "already at the first nan/inf (step \(first.step))")
      status = status ?? "step \(first.step): \(first.description)"
    case .toggleContributionOrder: sortsContributionsBySize.toggle()
    }
  }

  /// The node the inspector is about: the selection, else the active function, else the output.
  public var focus: Int {
    if let selection { return selection }
    if let function = session.activeFunction { return session.graph.nodeID(function: function) }
    return session.phase == .start ? session.graph.leaves.first ?? 0 : session.graph.output
  }

  /// Replaces the timeline with `edited`, a timeline of the same graph: what the edit changed is
  /// marked for one frame and summed up on the status line.
  /// `note`, when given, goes between the new value and the count of changes.
  mutating func replaceSession(with edited: Session, editing variable: Int, note: String? = nil) {
    let before = session
    session = edited
    changed = edited.changedVariables(since: before)
    let name = session.graph.variables[variable].label
    let count = changed.count == 1 ? "1 variable changed" : "\(changed.count) variables changed"
    status =
      "\(name) = \(Self.valueText(edited.data(of: variable))) (was \(Self.valueText(before.data(of: variable))))"
      + (note.map { " · " + $0 + " · " } ?? ": ") + count + " (marked •)"
  }

  /// Moves the cursor to `step`; says `unmoved` on the status line when the cursor stays put.
  mutating func move(to step: Int, else unmoved: String?) {
    let before = session.cursor
    session.move(to: step)
    if session.cursor == session.stepCount { isPlaying = false }
    guard session.cursor != before else {
      status = unmoved
      return
    }
    pan = (0, 0)
    inspectorScroll = 0
  }

  private mutating func cycleSelection(by offset: Int) {
    guard !tabOrder.isEmpty else { return }
    let current = selection.flatMap { tabOrder.firstIndex(of: $0) }
    let count = tabOrder.count + 1  // one extra slot: no selection
    let position = ((current ?? tabOrder.count) + offset + count) % count
    selection = position == tabOrder.count ? nil : tabOrder[position]
    pan = (0, 0)
    inspectorScroll = 0
  }

  private static func visitOrder(of graph: GraphModel) -> [Int] {
    var seen = Array(repeating: false, count: graph.nodeCount)
    var order = [Int]()
    func visit(_ node: Int) {
      if !seen[node] {
        seen[node] = true
        order.append(node)
      }
    }
    for (position, function) in graph.functions.enumerated() {
      function.inputs.forEach(visit)
      visit(graph.nodeID(function: position))
      function.outputs.forEach(visit)
    }
    graph.variables.indices.forEach(visit)
    return order
  }
}
