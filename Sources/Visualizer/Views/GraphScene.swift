import Autodiff
import GraphLayout
import Stepping

/// A graph laid out once for one orientation, box style and collapse setting: every box, every
/// edge's route, and what each box shows. Built once and reused for every frame and every step.
final class GraphScene {
  let style: BoxStyle
  let display: DisplayGraph
  let layout: Layout
  /// Per variable: the widths its data and grad are printed in.
  let fieldWidths: [FieldWidths]
  /// Per route: its bounding rectangle, to skip routes outside the view quickly.
  let routeBounds: [CellRect]
  /// Per function box: the display edges that enter or leave it, to find a step's boxes quickly.
  let edgesOfFunctionBox: [Int: [Int]]

  /// Per variable: how wide its data and its grad print in this style.
  struct FieldWidths: Equatable {
    var data: Int
    var grad: Int
    /// The width a box gives both values.
    var value: Int { max(data, grad, 1) }

    /// Whether values of these widths fit boxes sized for `other`.
    func fits(in other: FieldWidths) -> Bool { data <= other.data && grad <= other.grad }

    /// The wider of these and `other`, field by field.
    func union(_ other: FieldWidths) -> FieldWidths {
      FieldWidths(data: max(data, other.data), grad: max(grad, other.grad))
    }
  }

  /// Per variable: the widths its values (as they are now) print in, in `style`.
  static func fieldWidths(of graph: GraphModel, style: BoxStyle) -> [FieldWidths] {
    graph.variables.map { node in
      let widths = [node.variable.data, node.variable.grad].map { value in
        value.map { NumberFormat.short($0, width: style.valueWidthLimit).count } ?? 1
      }
      return FieldWidths(data: widths[0], grad: widths[1])
    }
  }

  /// Lays out `graph` after its backward pass: the final values size the boxes (or `fieldWidths`
  /// when given), so a box never changes size while stepping. Wires that ``ReferenceRule`` picks
  /// are drawn as references. A graph over ``LayoutLimit/nodes`` throws ``LayoutLimit/Exceeded``.
  init(
    graph: GraphModel, orientation: Orientation, style: BoxStyle, collapsed: Bool,
    fieldWidths: [FieldWidths]? = nil
  ) throws {
    guard graph.nodeCount <= LayoutLimit.nodes else { throw LayoutLimit.Exceeded(nodes: graph.nodeCount) }
    self.style = style
    var display = collapsed ? DisplayGraph(collapsing: graph) : DisplayGraph(graph: graph)
    display.drawReferences(try ReferenceRule().references(in: display))
    self.display = display
    let fieldWidths = fieldWidths ?? GraphScene.fieldWidths(of: graph, style: style)
    self.fieldWidths = fieldWidths
    let sizes = display.nodes.map { node -> CellSize in
      GraphScene.size(of: node, in: graph, style: style, widths: { fieldWidths[$0] })
    }
    let edges = display.edges.map { LayoutEdge(from: $0.from, to: $0.to) }
    let options = LayoutOptions(
      orientation: orientation, layerGap: style.layerGap(orientation), borderedBoxes: style.bordered)
    layout = try layoutGraph(LayoutInput(sizes: sizes, edges: edges), options: options)
    edgesOfFunctionBox = Dictionary(grouping: display.edges.indices) { display.edges[$0].functionBox }
    routeBounds = layout.routes.map { route in
      let xs = route.points.map(\.x)
      let ys = route.points.map(\.y)
      let (minX, minY) = (xs.min() ?? 0, ys.min() ?? 0)
      return CellRect(
        x: minX - 1, y: minY - 1, width: (xs.max() ?? 0) - minX + 3, height: (ys.max() ?? 0) - minY + 3)
    }
  }

  /// The cells `node` takes in `style`, with variable `i`'s values `widths(i)` wide.
  static func size(
    of node: DisplayGraph.Node, in graph: GraphModel, style: BoxStyle, widths: (Int) -> FieldWidths
  ) -> CellSize {
    if style.isOneLine {
      switch node {
      case .variable(let index):
        let label = graph.variables[index].label
        return CellSize(
          width: LineNode.variableWidth(label: label, values: widths(index), style: style), height: 1)
      case .reference(let index, _):
        let label = "↗" + graph.variables[index].label
        return CellSize(
          width: LineNode.variableWidth(label: label, values: widths(index), style: style), height: 1)
      case .function, .chain:
        return CellSize(width: DisplayGraph.label(of: node, in: graph).count + 2, height: 1)
      }
    }
    func values(_ index: Int) -> Int {
      max(style.dataLabel.count, style.gradLabel.count) + widths(index).value + 2 + 2 * style.padding
    }
    switch node {
    case .variable(let index):
      let title = GraphScene.title(of: graph.variables[index]).count + 2 + 2 * style.padding
      return CellSize(width: max(title, values(index)), height: 5)
    case .reference(let index, _):
      let title = GraphScene.referenceTitle(of: graph.variables[index]).count + 4
      return CellSize(width: max(title, values(index)), height: 4)
    case .function, .chain:
      let label = DisplayGraph.label(of: node, in: graph)
      return CellSize(width: label.count + 2 + 2 * style.padding, height: 3)
    }
  }

  /// The box that shows graph node `node` (variables first, then functions).
  func box(of node: Int) -> CellRect { layout.boxes[display.boxOf[node]] }

  /// A variable's first line: its label, and its shape when it is not a scalar.
  static func title(of node: GraphModel.VariableNode) -> String {
    node.variable.shape.isEmpty ? node.label : "\(node.label) \(formatShape(node.variable.shape))"
  }

  /// A reference's title, written into its top border: `↗` and the variable's label.
  static func referenceTitle(of node: GraphModel.VariableNode) -> String { "↗" + node.label }
}

/// The scenes of one graph, built on first use for each orientation, box style and collapse setting.
/// After an edit of an input (a new `edition` of the session), a scene is kept while every value
/// still fits its box, and laid out again with wider boxes (never narrower ones) when one does not:
/// nudging a value then leaves the picture still, and a number is never cut.
final class SceneCache {
  private var scenes = [SceneKey: (scene: GraphScene, edition: Int)]()
  /// Whether nothing has been laid out yet.
  var isEmpty: Bool { scenes.isEmpty }
  private struct SceneKey: Hashable {
    let orientation: Orientation
    let style: BoxStyle
    let collapsed: Bool
  }

  /// The scene of `graph`, whose variables hold the values of edition `edition`, for these settings.
  func scene(of graph: GraphModel, edition: Int, orientation: Orientation, style: BoxStyle, collapsed: Bool)
    throws -> GraphScene
  {
    let key = SceneKey(orientation: orientation, style: style, collapsed: collapsed)
    var widths: [GraphScene.FieldWidths]?
    if let (scene, built) = scenes[key] {
      if built == edition { return scene }
      let needed = GraphScene.fieldWidths(of: graph, style: style)
      if zip(needed, scene.fieldWidths).allSatisfy({ $0.fits(in: $1) }) {
        scenes[key] = (scene, edition)
        return scene
      }
      widths = zip(needed, scene.fieldWidths).map { $0.union($1) }
    }
    let scene = try GraphScene(
      graph: graph, orientation: orientation, style: style, collapsed: collapsed, fieldWidths: widths)
    scenes[key] = (scene, edition)
    return scene
  }
}
