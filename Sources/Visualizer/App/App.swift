/// The whole app as a value plus its screen: keys in, frames out. The terminal front end and the
/// headless driver both run this, so what a test sees is what a person sees.
public struct App {
  /// The current state.
  public private(set) var state: AppState
  /// The frame renderer (it caches layouts).
  public let screen: Screen

  /// An app showing `state` with `screen`.
  public init(state: AppState, screen: Screen) {
    self.state = state
    self.screen = screen
  }

  /// The smallest terminal the screen is useful in.
  public static let minimumSize = (columns: 40, rows: 12)

  /// Applies the command bound to `key` (a click selects the node under it, or clears the
  /// selection); returns `false` once the user asked to quit. A key that does nothing here (no
  /// binding, a pan past the graph's edge, a scroll past the inspector's end) says so on the status line.
  ///
  /// While the value editor is open, keys edit its text instead (`Command(editorKey:)`).
  public mutating func handle(_ key: Key, columns: Int, rows: Int) -> Bool {
    if case .edit(let variable, let value) = key {
      edit(variable, to: value)
    } else if state.editor != nil || state.iterationEditor != nil {
      state.update(
        Command(editorKey: key) ?? .notice("\(key.scriptName) does nothing here: Enter applies, Esc cancels"))
    } else if state.search != nil {
      state.update(
        Command(searchKey: key) ?? .notice("\(key.scriptName) does nothing here: Enter selects, Esc cancels"))
    } else if case .click(let x, let y) = key {
      state.update(.select(screen.node(atX: x, y: y, state: state, columns: columns, rows: rows)))
    } else if let command = Command(key: key) {
      state.update(fitted(command, columns: columns, rows: rows))
    } else {
      state.update(.notice("\(key.scriptName) does nothing here; ? lists the keys"))
    }
    return !state.wantsQuit
  }

  /// A key script's `<edit:…>`: selects the variable labelled `name` when given, opens the
  /// editor, replaces its text with `value` and applies it, exactly as the keys would.
  private mutating func edit(_ name: String?, to value: String) {
    if state.editor != nil { state.update(.cancelEdit) }
    if let name {
      guard let variable = state.session.graph.variables.firstIndex(where: { $0.label == name }) else {
        state.update(.notice("<edit:\(name)=…>: there is no variable \(name)"))
        return
      }
      state.update(.select(variable))
    }
    state.update(.openEditor)
    guard state.editor != nil else { return }
    state.update(.editLine(.clear))
    for character in value { state.update(.editLine(.insert(character))) }
    state.update(.commitEdit)
  }

  /// `command` with a pan or scroll cut to what the screen can show, so that every press moves
  /// and none piles up past an edge; a notice when it cannot move at all.
  private func fitted(_ command: Command, columns: Int, rows: Int) -> Command {
    switch command {
    case .pan(let dx, let dy):
      let range = screen.panRange(state, columns: columns, rows: rows)
      let x = min(max(state.pan.x + dx, range.x.lowerBound), range.x.upperBound)
      let y = min(max(state.pan.y + dy, range.y.lowerBound), range.y.upperBound)
      guard (x, y) != state.pan else {
        return .notice(
          range.x.count == 1 && range.y.count == 1
            ? "the whole graph is in view" : "the view is at the edge of the graph")
      }
      return .pan(dx: x - state.pan.x, dy: y - state.pan.y)
    case .pageView(let forward):
      let page = max(columns - 8, 8)
      return fitted(.pan(dx: forward ? page : -page, dy: 0), columns: columns, rows: rows)
    case .jumpView(let toLast):
      let range = screen.panRange(state, columns: columns, rows: rows)
      let target =
        state.orientation == .leftToRight
        ? (x: toLast ? range.x.upperBound : range.x.lowerBound, y: state.pan.y)
        : (x: state.pan.x, y: toLast ? range.y.upperBound : range.y.lowerBound)
      guard target != state.pan else {
        return .notice(
          range.x.count == 1 && range.y.count == 1
            ? "the whole graph is in view" : "the view is at that end of the graph already")
      }
      return .pan(dx: target.x - state.pan.x, dy: target.y - state.pan.y)
    case .scrollInspector(let lines) where state.showsHelp:
      let maxScroll = HelpView.maxScroll(columns: columns, rows: rows)
      let target = min(max(state.helpScroll + lines, 0), maxScroll)
      guard target != state.helpScroll else {
        return .notice(
          maxScroll == 0
            ? "the help shows everything" : lines > 0 ? "at the end of the help" : "at the top of the help")
      }
      return .scrollInspector(lines: target - state.helpScroll)
    case .scrollInspector(let lines):
      let window = screen.inspectorWindow(state, columns: columns, rows: rows)
      let target = min(max(window.top + lines, 0), window.maxScroll)
      guard target != window.top else {
        return .notice(
          window.maxScroll == 0
            ? "the inspector shows everything"
            : lines > 0 ? "at the end of the inspector" : "at the top of the inspector")
      }
      return .scrollInspector(lines: target - state.inspectorScroll)
    case .cycleZoom:
      let next = screen.style(for: state, columns: columns, rows: rows).next
      return .setZoom(next, message: "zoom: \(next.name) (z: next, =: fit the whole graph)")
    case .fitZoom:
      guard let style = screen.fittingStyle(for: state, columns: columns, rows: rows) else {
        return .notice("the whole graph does not fit at any zoom level at this size; z changes the zoom")
      }
      return .setZoom(nil, message: "zoom: whole graph in \(style.name)")
    default:
      return command
    }
  }

  /// How often the front end should send `.tick` (one step of auto-play), `nil` when not playing.
  public var tickInterval: Duration? { state.isPlaying ? App.playInterval : nil }

  /// The time between two steps of auto-play.
  public static let playInterval = Duration.milliseconds(800)

  /// Advances auto-play by one step.
  public mutating func tick() {
    state.update(.tick)
  }

  /// The frame for the current state, drawn with `charset`'s line characters; below
  /// `minimumSize`, a message saying the size needed (as the interactive terminal shows it).
  public func render(columns: Int, rows: Int, charset: Charset = .unicode) -> ScreenBuffer {
    guard columns >= App.minimumSize.columns && rows >= App.minimumSize.rows else {
      return .sizeMessage(
        appName: "GradStep", needed: App.minimumSize, columns: columns, rows: rows, charset: charset)
    }
    return screen.render(state, columns: columns, rows: rows, charset: charset)
  }
}
