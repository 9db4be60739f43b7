import Autodiff
import GraphLayout

/// A graph laid out once for one orientation and box style: every node's box, every edge's route,
/// and what each box shows. Built once and reused for every frame and every step.
final class GraphScene {
  /// What an edge connects, so the active step's edges can be highlighted.
  struct EdgeInfo {
    /// The function at one end.
    let function: Int
    /// Whether the edge goes into the function (from an input) rather than out to an output.
    let isInput: Bool
  }

  let orientation: Orientation
  let style: BoxStyle
  let layout: Layout
  let edges: [EdgeInfo]
  /// Per variable: the width its values are printed in.
  let valueWidths: [Int]
  /// Per route: its bounding rectangle, to skip routes outside the view quickly.
  let routeBounds: [CellRect]
  /// Per edge: the node it starts from.
  let sources: [Int]

  /// Lays out `graph`; `finalValues` (the variables after the backward pass) size the boxes, so a
  /// box never changes size while stepping.
  init(graph: GraphModel, orientation: Orientation, style: BoxStyle) throws {
    self.orientation = orientation
    self.style = style
    var widths = [Int]()
    var sizes = [CellSize]()
    for node in graph.variables {
      let variable = node.variable
      let values = [variable.data, variable.grad].compactMap { $0 }.map {
        NumberFormat.short($0, width: style.valueWidthLimit).count
      }
      let valueWidth = max(values.max() ?? 1, 1)
      widths.append(valueWidth)
      let content = max(
        GraphScene.title(of: node).count, style.dataLabel.count + valueWidth,
        style.gradLabel.count + valueWidth)
      sizes.append(CellSize(width: content + 2 + 2 * style.padding, height: 5))
    }
    for node in graph.functions {
      sizes.append(CellSize(width: node.label.count + 2 + 2 * style.padding, height: 3))
    }
    var layoutEdges = [LayoutEdge]()
    var edges = [EdgeInfo]()
    for (position, node) in graph.functions.enumerated() {
      let id = graph.nodeID(function: position)
      for input in node.inputs {
        layoutEdges.append(LayoutEdge(from: input, to: id))
        edges.append(EdgeInfo(function: position, isInput: true))
      }
      for output in node.outputs {
        layoutEdges.append(LayoutEdge(from: id, to: output))
        edges.append(EdgeInfo(function: position, isInput: false))
      }
    }
    var options = LayoutOptions()
    options.orientation = orientation
    options.layerGap = style.layerGap
    layout = try layoutGraph(LayoutInput(sizes: sizes, edges: layoutEdges), options: options)
    self.edges = edges
    sources = layoutEdges.map(\.from)
    valueWidths = widths
    routeBounds = layout.routes.map { route in
      let xs = route.points.map(\.x)
      let ys = route.points.map(\.y)
      let (minX, minY) = (xs.min() ?? 0, ys.min() ?? 0)
      return CellRect(
        x: minX - 1, y: minY - 1, width: (xs.max() ?? 0) - minX + 3, height: (ys.max() ?? 0) - minY + 3)
    }
  }

  /// A variable's first line: its label, and its shape when it is not a scalar.
  static func title(of node: GraphModel.VariableNode) -> String {
    node.variable.shape.isEmpty ? node.label : "\(node.label) \(formatShape(node.variable.shape))"
  }
}

/// The scenes of one graph, built on first use for each orientation and box style.
final class SceneCache {
  private var scenes = [SceneKey: GraphScene]()
  private struct SceneKey: Hashable {
    let orientation: Orientation
    let style: BoxStyle
  }

  /// The scene of `graph` for `orientation` and `style`.
  func scene(of graph: GraphModel, orientation: Orientation, style: BoxStyle) throws -> GraphScene {
    let key = SceneKey(orientation: orientation, style: style)
    if let scene = scenes[key] { return scene }
    let scene = try GraphScene(graph: graph, orientation: orientation, style: style)
    scenes[key] = scene
    return scene
  }
}
