/// Lays out a DAG in character cells, layer by layer (Sugiyama style).
///
/// Layers come from longest paths, then nodes move next to their consumers where that keeps edges
/// as short (inputs right before their first consumer, side branches right before their use);
/// long edges are split at every layer they pass; median sweeps, transpositions and sifting reduce
/// crossings, counting a function's inputs that arrive out of port order as crossings; boxes are
/// placed so that edges run straight where they can; edges are routed through the gaps between layers, each
/// bend on its own track. Gaps grow to fit their tracks. The result is deterministic.
///
/// - Throws: ``LayoutError`` if an edge names a missing node, a box is empty, or there is a cycle.
public func layoutGraph(
  _ input: LayoutInput, options: LayoutOptions = LayoutOptions()
) throws(LayoutError) -> Layout {
  for (index, edge) in input.edges.enumerated() {
    for node in [edge.from, edge.to] where !input.sizes.indices.contains(node) {
      throw .nodeOutOfRange(edge: index, node: node)
    }
  }
  if let empty = input.sizes.firstIndex(where: { $0.width < 1 || $0.height < 1 }) {
    throw .emptyBox(node: empty)
  }
  let layerOf = try assignLayers(nodeCount: input.sizes.count, edges: input.edges)
  let graph = LayeredGraph(layerOf: layerOf, edges: input.edges)
  var minimizer = CrossingMinimizer(graph: graph)
  let crossings = minimizer.minimize(sweeps: options.sweeps)
  let geometry = LayeredGeometry(
    graph: graph, layers: minimizer.layers, sizes: input.sizes, options: options)
  return geometry.layout(edgeCount: input.edges.count, crossings: crossings)
}
