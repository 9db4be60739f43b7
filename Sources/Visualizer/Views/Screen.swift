import GraphLayout

/// Draws whole frames of the app into `ScreenBuffer`s: the title line, the graph, the inspector and
/// the key-help line. Layouts are computed once per orientation and box style and then reused.
public final class Screen {
  /// The scenes laid out so far.
  let cache = SceneCache()
  /// What the inspector keeps of a selected variable's long lists of uses between frames.
  let usageCache = UsageCache()

  /// A screen with nothing laid out yet.
  public init() {}

  /// Where the parts of a frame go at a given size.
  struct Regions {
    let graphTop: Int
    let graphHeight: Int
    let inspectorTop: Int
    let inspectorHeight: Int
    let rows: Int

    /// The usual split of `rows`: the inspector a fixed share, the graph the rest; with
    /// `graphNeeds`, the graph keeps only the rows its scene needs and the inspector gets the others.
    init(rows: Int, graphNeeds: Int? = nil) {
      self.rows = rows
      let inspector = rows >= 36 ? 12 : rows >= 20 ? 9 : max(rows / 3, 2)
      let room = max(rows - 2 - inspector, 0)
      graphTop = 1
      graphHeight = min(room, max(graphNeeds ?? room, 1))
      inspectorHeight = inspector + room - graphHeight
      inspectorTop = graphTop + graphHeight
    }
  }

  /// The split of this frame: the graph keeps the rows its scene needs (up to the usual share),
  /// and the inspector gets every row the graph does not need.
  func regions(for state: AppState, columns: Int, rows: Int) -> Regions {
    if state.showsPlot { return Regions(rows: rows) }  // the plots take the usual share
    let needs = try? scene(for: state, columns: columns, rows: rows).layout.height
    return Regions(rows: rows, graphNeeds: needs)
  }

  /// The most nodes each zoom level is tried with when fitting: bigger graphs never fit a screen
  /// in it, and a layout of a 10,000-node graph is worth not doing twice.
  static func fittingNodeLimit(_ style: BoxStyle) -> Int {
    switch style {
    case .roomy: 64
    case .compact: 400
    case .line: 1_000
    case .outline: 2_000
    }
  }

  /// The scene to draw: the zoom level the state asks for, else the largest that fits the whole
  /// graph, else compact boxes.
  func scene(for state: AppState, columns: Int, rows: Int) throws -> GraphScene {
    try scene(of: state, style: style(for: state, columns: columns, rows: rows))
  }

  /// The zoom level `scene(for:columns:rows:)` draws in.
  func style(for state: AppState, columns: Int, rows: Int) -> BoxStyle {
    state.zoom ?? fittingStyle(for: state, columns: columns, rows: rows) ?? .compact
  }

  /// The largest zoom level at which the whole graph fits the graph area, `nil` when none does.
  func fittingStyle(for state: AppState, columns: Int, rows: Int) -> BoxStyle? {
    let height = Regions(rows: rows).graphHeight
    return BoxStyle.allCases.first { style in
      guard state.session.graph.nodeCount <= Screen.fittingNodeLimit(style),
        let scene = try? scene(of: state, style: style)
      else { return false }
      return scene.layout.width <= columns && scene.layout.height <= height
    }
  }

  private func scene(of state: AppState, style: BoxStyle) throws -> GraphScene {
    try cache.scene(
      of: state.session.graph, edition: state.session.edition, orientation: state.orientation, style: style,
      collapsed: state.collapsed)
  }

  /// One frame of `state` at `columns` × `rows`, drawn with `charset`'s line characters.
  public func render(_ state: AppState, columns: Int, rows: Int, charset: Charset = .unicode) -> ScreenBuffer
  {
    var buffer = ScreenBuffer(columns: columns, rows: rows, charset: charset)
    let regions = regions(for: state, columns: columns, rows: rows)
    Chrome.titleBar(state, width: columns).draw(into: &buffer, x: 0, y: 0, width: columns)
    var offscreen: String?
    if state.showsPlot {
      PlotPane.draw(
        state, x: 0, y: regions.graphTop, width: columns, height: regions.graphHeight, into: &buffer)
    } else {
      offscreen = drawGraph(state, regions: regions, columns: columns, charset: charset, into: &buffer)
    }
    buffer.horizontalLine(y: regions.inspectorTop, from: 0, to: columns - 1, style: Theme.rule)
    if let offscreen {
      buffer.text(offscreen, x: 1, y: regions.inspectorTop, style: Theme.helpKey, maxWidth: columns / 2)
    }
    let window = inspectorWindow(state, columns: columns, rows: rows)
    if let sign = window.aboveSign {
      buffer.text(sign, x: max(columns - sign.count - 2, 0), y: regions.inspectorTop, style: Theme.helpKey)
    }
    for (row, line) in window.visible.enumerated() {
      line.fitted(to: columns).draw(into: &buffer, x: 0, y: regions.inspectorTop + 1 + row, width: columns)
    }
    // The footer echoes what the user typed (the editor, its reason): wide characters as typed.
    Chrome.footer(state, inspectorCut: window.maxScroll > 0, width: columns).fitted(to: columns).draw(
      into: &buffer, x: 0, y: rows - 1, width: columns, doubleWidth: true)
    if state.showsHelp { HelpView.draw(into: &buffer, scroll: state.helpScroll) }
    return buffer
  }

  /// Draws the graph into the graph region; returns the rule's note on what lies beyond the view.
  private func drawGraph(
    _ state: AppState, regions: Regions, columns: Int, charset: Charset, into buffer: inout ScreenBuffer
  ) -> String? {
    do {
      let view = GraphView(scene: try scene(for: state, columns: columns, rows: regions.rows), state: state)
      let origin = view.origin(width: columns, height: regions.graphHeight)
      buffer.paste(
        view.render(width: columns, height: regions.graphHeight, origin: origin, charset: charset), x: 0,
        y: regions.graphTop)
      return view.offscreenSign(width: columns, height: regions.graphHeight, origin: origin)
    } catch {
      StyledLine("cannot lay out this graph: \(error)", Theme.fail).draw(
        into: &buffer, x: 1, y: regions.graphTop, width: columns - 2)
      return nil
    }
  }

  /// The inspector's lines for this state and size, and the part of them that is shown.
  func inspectorWindow(_ state: AppState, columns: Int, rows: Int) -> InspectorWindow {
    InspectorWindow(
      lines: state.showsGradientFlow
        ? InspectorLines(GradientFlowView(state: state, width: columns).lines())
        : InspectorView(state: state, width: columns, cache: usageCache).content(),
      rows: regions(for: state, columns: columns, rows: rows).inspectorHeight - 1,
      scroll: state.inspectorScroll)
  }

  /// The pans of the graph view that keep it inside the graph, for this state and size.
  func panRange(_ state: AppState, columns: Int, rows: Int) -> (x: ClosedRange<Int>, y: ClosedRange<Int>) {
    guard let scene = try? scene(for: state, columns: columns, rows: rows) else { return (0...0, 0...0) }
    return GraphView(scene: scene, state: state).panRange(
      width: columns, height: regions(for: state, columns: columns, rows: rows).graphHeight)
  }

  /// The node drawn at screen cell (`x`, `y`) in the frame `render` makes for this state and size.
  public func node(atX x: Int, y: Int, state: AppState, columns: Int, rows: Int) -> Int? {
    let regions = regions(for: state, columns: columns, rows: rows)
    guard y >= regions.graphTop, y < regions.graphTop + regions.graphHeight,
      let scene = try? scene(for: state, columns: columns, rows: rows)
    else { return nil }
    return GraphView(scene: scene, state: state).node(
      atX: x, y: y - regions.graphTop, width: columns, height: regions.graphHeight)
  }
}
