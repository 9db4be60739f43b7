import GraphLayout

/// Everything the screen shows, as a value: the session and its cursor, the selection, the view.
/// `update(_:)` is pure: (state, command) → state, with no I/O and no clock.
public struct AppState {
  /// The timeline and its cursor.
  public private(set) var session: Session
  /// The program's name for the title line (`seed.grad`).
  public let title: String
  /// Left-to-right (DeZero's `rankdir=LR`) or top-to-bottom.
  public private(set) var orientation: Orientation
  /// The node the inspector shows instead of the active step (variables first, then functions).
  public private(set) var selection: Int?
  /// Whether the help overlay is shown.
  public private(set) var showsHelp = false
  /// How far the user has moved the view from following the active step, in cells.
  public private(set) var pan = (x: 0, y: 0)
  /// Whether chains of single-input functions are drawn as one box.
  public private(set) var collapsed = false
  /// Whether the timeline is playing by itself (a step per `.tick`).
  public private(set) var isPlaying = false
  /// Whether the user asked to quit.
  public private(set) var wantsQuit = false
  /// The nodes in the order Tab visits them: each function's new inputs, the function, its outputs.
  public let tabOrder: [Int]

  /// A state at step 0 of `session`.
  public init(session: Session, title: String, orientation: Orientation = .leftToRight) {
    self.session = session
    self.title = title
    self.orientation = orientation
    tabOrder = AppState.visitOrder(of: session.graph)
  }

  /// Applies one command.
  public mutating func update(_ command: Command) {
    switch command {
    case .next: move(to: session.cursor + 1)
    case .previous: move(to: session.cursor - 1)
    case .start: move(to: 0)
    case .forwardEnd: move(to: session.forwardEnd)
    case .end: move(to: session.stepCount)
    case .selectNext: cycleSelection(by: 1)
    case .selectPrevious: cycleSelection(by: -1)
    case .select(let node): selection = node.flatMap { (0..<session.graph.nodeCount).contains($0) ? $0 : nil }
    case .toggleHelp: showsHelp.toggle()
    case .toggleOrientation:
      orientation = orientation == .leftToRight ? .topToBottom : .leftToRight
      pan = (0, 0)
    case .pan(let dx, let dy): pan = (pan.x + dx, pan.y + dy)
    case .recenter: pan = (0, 0)
    case .toggleCollapse: collapsed.toggle()
    case .togglePlay:
      isPlaying = !isPlaying && session.cursor < session.stepCount
    case .tick:
      guard isPlaying else { return }
      move(to: session.cursor + 1)
      isPlaying = session.cursor < session.stepCount
    case .quit: wantsQuit = true
    }
  }

  /// The node the inspector is about: the selection, else the active function, else the output.
  public var focus: Int {
    if let selection { return selection }
    if let function = session.activeFunction { return session.graph.nodeID(function: function) }
    return session.phase == .start ? session.graph.leaves.first ?? 0 : session.graph.output
  }

  private mutating func move(to step: Int) {
    session.move(to: step)
    pan = (0, 0)
  }

  private mutating func cycleSelection(by offset: Int) {
    guard !tabOrder.isEmpty else { return }
    let current = selection.flatMap { tabOrder.firstIndex(of: $0) }
    let count = tabOrder.count + 1  // one extra slot: no selection
    let position = ((current ?? tabOrder.count) + offset + count) % count
    selection = position == tabOrder.count ? nil : tabOrder[position]
    pan = (0, 0)
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
