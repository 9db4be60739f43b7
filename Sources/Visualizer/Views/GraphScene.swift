import Autodiff
import GraphLayout

/// A graph laid out once for one orientation, box style and collapse setting: every box, every
/// edge's route, and what each box shows. Built once and reused for every frame and every step.
final class GraphScene {
  let style: BoxStyle
  let display: DisplayGraph
  let layout: Layout
  /// Per edge: the box of the function (or chain) at one end, to highlight the active step's edges.
  let edgeFunctionBox: [Int]
  /// Per edge: the box it starts from.
  let sources: [Int]
  /// Per variable: the width its values are printed in.
  let valueWidths: [Int]
  /// Per route: its bounding rectangle, to skip routes outside the view quickly.
  let routeBounds: [CellRect]

  /// Per variable: the width its values are printed in.
  static func valueWidths(of graph: GraphModel, style: BoxStyle) -> [Int] {
    graph.variables.map { node in
      let values = [node.variable.data, node.variable.grad].compactMap { $0 }
      return max(values.map { NumberFormat.short($0, width: style.valueWidthLimit).count }.max() ?? 1, 1)
    }
  }

  /// Lays out `graph` after its backward pass: the final values size the boxes (or `valueWidths`
  /// when given), so a box never changes size while stepping.
  init(
    graph: GraphModel, orientation: Orientation, style: BoxStyle, collapsed: Bool, valueWidths: [Int]? = nil
  ) throws {
    self.style = style
    let display = collapsed ? DisplayGraph(collapsing: graph) : DisplayGraph(graph: graph)
    self.display = display
    let valueWidths = valueWidths ?? GraphScene.valueWidths(of: graph, style: style)
    self.valueWidths = valueWidths
    let sizes = display.nodes.map { [valueWidths] node -> CellSize in
      guard case .variable(let index) = node else {
        let label = DisplayGraph.label(of: node, in: graph)
        return CellSize(width: label.count + 2 + 2 * style.padding, height: 3)
      }
      let content = max(
        GraphScene.title(of: graph.variables[index]).count,
        style.dataLabel.count + valueWidths[index], style.gradLabel.count + valueWidths[index])
      return CellSize(width: content + 2 + 2 * style.padding, height: 5)
    }
    var edges = [LayoutEdge]()
    var functionBoxes = [Int]()
    for (position, node) in graph.functions.enumerated() {
      let box = display.boxOf[graph.nodeID(function: position)]
      for input in node.inputs where display.boxOf[input] != box {
        edges.append(LayoutEdge(from: display.boxOf[input], to: box))
        functionBoxes.append(box)
      }
      for output in node.outputs where display.boxOf[output] != box {
        edges.append(LayoutEdge(from: box, to: display.boxOf[output]))
        functionBoxes.append(box)
      }
    }
    let options = LayoutOptions(orientation: orientation, layerGap: style.layerGap)
    layout = try layoutGraph(LayoutInput(sizes: sizes, edges: edges), options: options)
    edgeFunctionBox = functionBoxes
    sources = edges.map(\.from)
    routeBounds = layout.routes.map { route in
      let xs = route.points.map(\.x)
      let ys = route.points.map(\.y)
      let (minX, minY) = (xs.min() ?? 0, ys.min() ?? 0)
      return CellRect(
        x: minX - 1, y: minY - 1, width: (xs.max() ?? 0) - minX + 3, height: (ys.max() ?? 0) - minY + 3)
    }
  }

  /// The box that shows graph node `node` (variables first, then functions).
  func box(of node: Int) -> CellRect { layout.boxes[display.boxOf[node]] }

  /// A variable's first line: its label, and its shape when it is not a scalar.
  static func title(of node: GraphModel.VariableNode) -> String {
    node.variable.shape.isEmpty ? node.label : "\(node.label) \(formatShape(node.variable.shape))"
  }
}

/// The scenes of one graph, built on first use for each orientation, box style and collapse setting.
/// After an edit of an input (a new `edition` of the session), a scene is kept while every value
/// still fits its box, and laid out again with wider boxes (never narrower ones) when one does not:
/// nudging a value then leaves the picture still, and a number is never cut.
final class SceneCache {
  private var scenes = [SceneKey: (scene: GraphScene, edition: Int)]()
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
    var widths: [Int]?
    if let (scene, built) = scenes[key] {
      if built == edition { return scene }
      let needed = GraphScene.valueWidths(of: graph, style: style)
      if zip(needed, scene.valueWidths).allSatisfy({ $0 <= $1 }) {
        scenes[key] = (scene, edition)
        return scene
      }
      widths = zip(needed, scene.valueWidths).map { max($0, $1) }
    }
    let scene = try GraphScene(
      graph: graph, orientation: orientation, style: style, collapsed: collapsed, valueWidths: widths)
    scenes[key] = (scene, edition)
    return scene
  }
}
