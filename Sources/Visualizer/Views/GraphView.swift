import Autodiff
import GraphLayout
import Stepping

/// Draws the visible part of a laid-out graph with the values and highlights of the state's step.
struct GraphView {
  let scene: GraphScene
  let state: AppState

  /// The scene coordinates of the viewport's top left corner: centred when the scene fits,
  /// otherwise following the focus node (within the scene), then moved by the user's panning.
  func origin(width: Int, height: Int) -> (x: Int, y: Int) {
    let follow = followOrigin(width: width, height: height)
    let range = panRange(width: width, height: height, follow: follow)
    return (
      follow.x + min(max(state.pan.x, range.x.lowerBound), range.x.upperBound),
      follow.y + min(max(state.pan.y, range.y.lowerBound), range.y.upperBound)
    )
  }

  /// The pans that move the view without leaving the scene: each press of a pan key moves it.
  func panRange(width: Int, height: Int) -> (x: ClosedRange<Int>, y: ClosedRange<Int>) {
    panRange(width: width, height: height, follow: followOrigin(width: width, height: height))
  }

  /// The pans around `follow`, the origin with no panning.
  private func panRange(width: Int, height: Int, follow: (x: Int, y: Int))
    -> (x: ClosedRange<Int>, y: ClosedRange<Int>)
  {
    func axis(_ sceneLength: Int, _ viewLength: Int, _ start: Int) -> ClosedRange<Int> {
      sceneLength > viewLength ? -start...(sceneLength - viewLength - start) : 0...0
    }
    return (
      axis(scene.layout.width, width, follow.x), axis(scene.layout.height, height, follow.y)
    )
  }

  /// The origin with no panning: centred when the scene fits; otherwise the part of the graph
  /// to follow (``followedArea``) in the middle, as far as the scene allows.
  private func followOrigin(width: Int, height: Int) -> (x: Int, y: Int) {
    let area = followedArea(width: width, height: height)
    func axis(_ sceneLength: Int, _ viewLength: Int, _ middle: Int) -> Int {
      guard sceneLength > viewLength else { return -(viewLength - sceneLength) / 2 }
      return min(max(middle - viewLength / 2, 0), sceneLength - viewLength)
    }
    let boxes = scene.layout.boxes
    let top = axis(scene.layout.height, height, area.y + area.height / 2)
    let left = axis(scene.layout.width, width, area.x + area.width / 2)
    let columns = boxes.filter { $0.maxY > top && $0.y < top + height }.map { $0.x..<$0.maxX }
    let x = uncut(left, view: width, area: area.x..<area.maxX, spans: columns)
    guard state.orientation == .leftToRight else { return (x, top) }
    let rows = boxes.filter { $0.maxX > x && $0.x < x + width }.map { $0.y..<$0.maxY }
    return (x, uncut(top, view: height, area: area.y..<area.maxY, spans: rows))
  }

  /// The view's left edge (and, left to right, its top edge, where boxes stack within a rank)
  /// `start` moved off the boxes it would cut in two (so the view never starts on a box's tail, a
  /// value without its name): back to their start, or past their end, whichever keeps `area` in
  /// the `view` cells, again until nothing is cut (a few times at most).
  private func uncut(
    _ start: Int, view: Int, area: Range<Int>, spans: [Range<Int>]
  ) -> Int {
    var start = start
    for _ in 0..<8 {
      let cuts = spans.filter { $0.lowerBound < start && start < $0.upperBound }
      guard let back = cuts.map(\.lowerBound).min(), let past = cuts.map(\.upperBound).max() else { break }
      if area.upperBound <= back + view {
        start = back
      } else if area.lowerBound >= past {
        start = past
      } else {
        break
      }
    }
    return start
  }

  /// What the view keeps in sight: the selected node; else, on a step, the active function with
  /// every box it reads and writes (when they fit the view together; else the function alone);
  /// after the last step, the output; at the start, the first input.
  func followedArea(width: Int, height: Int) -> CellRect {
    let session = state.session
    if state.selection == nil, session.phase == .done {
      return scene.box(of: session.graph.output)
    }
    let focus = scene.box(of: state.focus)
    guard state.selection == nil, let active = session.activeFunction else { return focus }
    let functionBox = scene.display.boxOf[session.graph.nodeID(function: active)]
    var area = focus
    for edge in scene.edgesOfFunctionBox[functionBox] ?? [] {
      let ends = scene.display.edges[edge]
      area = area.union(scene.layout.boxes[ends.from]).union(scene.layout.boxes[ends.to])
    }
    return area.width <= width && area.height <= height ? area : focus
  }

  /// The graph node whose box covers viewport cell (`x`, `y`), if any (a chain answers with its
  /// first function).
  func node(atX x: Int, y: Int, width: Int, height: Int) -> Int? {
    let origin = origin(width: width, height: height)
    let point = CellPoint(x: x + origin.x, y: y + origin.y)
    guard let box = scene.layout.boxes.firstIndex(where: { $0.contains(point) }) else { return nil }
    let graph = state.session.graph
    switch scene.display.nodes[box] {
    case .variable(let index), .reference(let index, _): return index
    case .function(let index): return graph.nodeID(function: index)
    case .chain(let run): return graph.nodeID(function: run[0])
    }
  }

  /// The graph as seen through a `width` × `height` viewport whose top left corner is at scene
  /// cell `origin` (``origin(width:height:)``, computed once per frame by the caller).
  func render(width: Int, height: Int, origin: (x: Int, y: Int), charset: Charset) -> ScreenBuffer {
    var buffer = ScreenBuffer(columns: width, rows: height, charset: charset)
    let view = CellRect(x: origin.x, y: origin.y, width: width, height: height)
    let graph = state.session.graph
    let active = state.session.activeFunction
    let activeBox = active.map { scene.display.boxOf[graph.nodeID(function: $0)] }
    let selectedBoxes = self.selectedBoxes()
    var highlighted = [EdgeRoute]()
    for position in scene.layout.routes.indices where scene.routeBounds[position].intersects(view) {
      let route = scene.layout.routes[position]
      let edge = scene.display.edges[route.edge]
      if edge.functionBox == activeBox || selectedBoxes.contains(edge.from) || selectedBoxes.contains(edge.to)
      {
        highlighted.append(route)
      } else {
        draw(route, into: &buffer, origin: origin, style: Theme.edge)
      }
    }
    let backward: Bool
    if case .backward? = state.session.currentStep?.kind { backward = true } else { backward = false }
    for route in highlighted {
      let reversed = backward && scene.display.edges[route.edge].functionBox == activeBox
      draw(
        route, into: &buffer, origin: origin, style: Theme.activeEdge, weight: .heavy, pointingBack: reversed)
    }
    let involved = Set(active.map { graph.functions[$0].inputs + graph.functions[$0].outputs } ?? [])
    let fresh = Set(
      (state.session.currentStep?.changes ?? []).map { FreshValue(variable: $0.variable, field: $0.field) })
    for (position, box) in scene.layout.boxes.enumerated() where box.intersects(view) {
      let rect = CellRect(x: box.x - origin.x, y: box.y - origin.y, width: box.width, height: box.height)
      let node = scene.display.nodes[position]
      if scene.style.isOneLine {
        buffer.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        switch node {
        case .variable(let index):
          drawLineVariable(
            index, reference: false, in: rect, into: &buffer, involved: involved.contains(index), fresh: fresh
          )
        case .reference(let index, let consumer):
          drawLineVariable(
            index, reference: true, in: rect, into: &buffer,
            involved: consumer == activeBox && involved.contains(index), fresh: fresh)
        case .function, .chain:
          drawLineFunction(node, box: position, in: rect, into: &buffer, active: position == activeBox)
        }
        continue
      }
      buffer.fill(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
      switch node {
      case .variable(let index):
        drawVariable(index, in: rect, into: &buffer, involved: involved.contains(index), fresh: fresh)
      case .reference(let index, let consumer):
        let involved = consumer == activeBox && involved.contains(index)
        drawReference(index, in: rect, into: &buffer, involved: involved, fresh: fresh)
      case .function, .chain:
        drawFunction(node, box: position, in: rect, into: &buffer, active: position == activeBox)
      }
    }
    return buffer
  }

  /// A value that the current step changed, drawn highlighted.
  struct FreshValue: Hashable {
    let variable: Int
    let field: Step.Field
  }

  /// The boxes of the selected node, and of every reference to it: their wires are drawn heavy,
  /// so a fan-out bundle can be followed with or without colour.
  private func selectedBoxes() -> Set<Int> {
    guard let selection = state.selection else { return [] }
    var boxes: Set<Int> = [scene.display.boxOf[selection]]
    if selection < state.session.graph.variables.count {
      for (box, node) in scene.display.nodes.enumerated() {
        if case .reference(let variable, _) = node, variable == selection { boxes.insert(box) }
      }
    }
    return boxes
  }

  /// Draws one wire; `pointingBack` puts its arrowhead at its start, pointing at the box it leaves,
  /// as the gradient flows on a backward step.
  private func draw(
    _ route: EdgeRoute, into buffer: inout ScreenBuffer, origin: (x: Int, y: Int), style: CellStyle,
    weight: LineWeight = .light, pointingBack: Bool = false
  ) {
    var points = route.points.map { (x: $0.x - origin.x, y: $0.y - origin.y) }
    let source = scene.layout.boxes[scene.display.edges[route.edge].from]
    if scene.style.bordered, let first = route.points.first {
      let border: CellPoint
      if first.x == source.maxX {
        border = CellPoint(x: first.x - 1, y: first.y)
      } else if first.y == source.maxY {
        border = CellPoint(x: first.x, y: first.y - 1)
      } else if first.x == source.x - 1 {
        border = CellPoint(x: first.x + 1, y: first.y)
      } else {
        border = CellPoint(x: first.x, y: first.y + 1)
      }
      points.insert((border.x - origin.x, border.y - origin.y), at: 0)
    }
    if points.count == 1 {  // one-line nodes one cell apart: the wire is its arrowhead
      let direction: ArrowDirection =
        switch route.arrow {
        case .right: pointingBack ? .left : .right
        case .down: pointingBack ? .up : .down
        case .left: pointingBack ? .right : .left
        case .up: pointingBack ? .down : .up
        }
      buffer.arrowhead(direction, x: points[0].x, y: points[0].y, style: style)
      return
    }
    buffer.polyline(points, weight: weight, arrowhead: !pointingBack, style: style)
    let start = points.count - route.points.count
    guard pointingBack, let next = points[(start + 1)...].first(where: { $0 != points[start] }) else {
      return
    }
    let head = points[start]
    let direction: ArrowDirection =
      head.y == next.y ? (head.x < next.x ? .left : .right) : (head.y < next.y ? .up : .down)
    buffer.arrowhead(direction, x: head.x, y: head.y, style: style)
  }

  private func drawVariable(
    _ index: Int, in rect: CellRect, into buffer: inout ScreenBuffer, involved: Bool, fresh: Set<FreshValue>
  ) {
    let node = state.session.graph.variables[index]
    let selected = state.selection == index
    buffer.box(
      x: rect.x, y: rect.y, width: rect.width, height: rect.height, kind: .rounded,
      style: involved ? Theme.active : Theme.variableBorder)
    let inner = rect.width - 2
    let title = GraphScene.title(of: node)
    let titleX = rect.x + 1 + max((inner - title.count) / 2, 0)
    buffer.text(
      title, x: titleX, y: rect.y + 1, style: selected ? Theme.selected : Theme.variableLabel, maxWidth: inner
    )
    drawMarks(of: index, in: rect, into: &buffer)
    drawValues(of: index, in: rect, top: rect.y + 2, into: &buffer, fresh: fresh)
  }

  /// On the top border of variable `index`'s box: `•` when the last edit changed it, and its
  /// generation when generations are shown.
  func drawMarks(of index: Int, in rect: CellRect, into buffer: inout ScreenBuffer) {
    let edited = state.changed.contains(index)
    if edited {
      buffer.text(
        buffer.charset == .ascii ? "*" : "•", x: rect.x + rect.width - 2, y: rect.y, style: Theme.edited)
    }
    if state.showsGenerations {
      let generation = state.session.graph.variables[index].variable.generation
      drawGeneration("g\(generation)", in: rect, into: &buffer, room: rect.width - 2 - (edited ? 1 : 0))
    }
  }

  /// Writes variable `index`'s data and grad rows inside `rect`, from row `top`.
  func drawValues(
    of index: Int, in rect: CellRect, top: Int, into buffer: inout ScreenBuffer, fresh: Set<FreshValue>
  ) {
    let inner = rect.width - 2
    let padding = scene.style.padding
    let width = scene.fieldWidths[index].value
    let edited = state.changed.contains(index)
    let freed = !state.retainsGrad && state.session.gradIsFreed(index)
    let rows: [(String, Tensor?, Step.Field)] = [
      (scene.style.dataLabel, state.session.data(of: index), .data),
      (scene.style.gradLabel, state.session.grad(of: index), .grad),
    ]
    for (offset, (label, value, field)) in rows.enumerated() {
      let y = top + offset
      let x = rect.x + 1 + padding
      let written = buffer.text(label, x: x, y: y, style: Theme.pending, maxWidth: inner - padding)
      let room = inner - 2 * padding - written
      if field == .grad && freed {
        buffer.text("freed", x: x + written, y: y, style: Theme.pending, maxWidth: room)
        continue
      }
      guard let value else {
        buffer.text("—", x: x + written, y: y, style: Theme.pending, maxWidth: room)
        continue
      }
      let style =
        edited
        ? Theme.edited
        : fresh.contains(FreshValue(variable: index, field: field)) ? Theme.freshValue : Theme.value
      buffer.text(
        NumberFormat.short(value, width: min(width, room)), x: x + written, y: y, style: style, maxWidth: room
      )
    }
  }

  private func drawFunction(
    _ node: DisplayGraph.Node, box: Int, in rect: CellRect, into buffer: inout ScreenBuffer, active: Bool
  ) {
    let graph = state.session.graph
    let label = DisplayGraph.label(of: node, in: graph)
    let selected = state.selection.map { scene.display.boxOf[$0] == box } ?? false
    buffer.box(
      x: rect.x, y: rect.y, width: rect.width, height: rect.height, kind: active ? .heavy : .square,
      style: active ? Theme.active : Theme.functionBorder)
    let inner = rect.width - 2
    let x = rect.x + 1 + max((inner - label.count) / 2, 0)
    let style = selected ? Theme.selected : active ? Theme.activeLabel : Theme.functionLabel
    buffer.text(label, x: x, y: rect.y + rect.height / 2, style: style, maxWidth: inner)
    if state.showsGenerations {
      let generations = DisplayGraph.functions(of: node).map { graph.functions[$0].function.generation }
      let (low, high) = (generations.min()!, generations.max()!)
      drawGeneration(low == high ? "g\(low)" : "g\(low)–\(high)", in: rect, into: &buffer, room: inner)
    }
  }

  /// Writes a generation tag (`g2`) on the top border of the box at `rect`, in at most `room`
  /// cells: one of the lessons of issue 11, the order backward visits functions in.
  private func drawGeneration(_ tag: String, in rect: CellRect, into buffer: inout ScreenBuffer, room: Int) {
    buffer.text(tag, x: rect.x + 1, y: rect.y, style: Theme.generation, maxWidth: room)
  }

}
