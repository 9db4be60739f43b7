import GraphLayout

/// Which wires of a display graph become references, in one place.
///
/// Layout cost never depends on how far an edge reaches. A wire that crosses many layers becomes a
/// dummy node in every layer it passes, so a weight used at every step of an unrolled recurrence,
/// or a variable summed a thousand times, would make the layout quadratic and the screen a bundle of
/// parallel lines. Instead, a variable whose consumers are far away or many is drawn once where it
/// is made, and as a small labelled reference (its name, data and grad, in a dashed box) beside each
/// far consumer. `GraphLayout` stays a generic layered layout that never sees a long wire.
///
/// The rule, for the wires from a variable's box into the boxes that use it:
/// - **many**: when the variable has more than ``maxFanOut`` consumer boxes, every consumer but the
///   first (in evaluation order) gets a reference;
/// - **far**: then the display graph, with the references so far as boxes of their own, is layered
///   with GraphLayout's own linear layering (the one the layout will use), and a wire that spans
///   more than ``maxSpan`` layers becomes a reference. So do all the uses of a variable that the
///   layering put more than ``maxSpan`` layers after the function that makes it: the variable is
///   then drawn beside its function. An input keeps the wire to its nearest consumer, so it is drawn
///   beside its first use. New references change the layering a little, so this repeats until no
///   wire is long (at most ``rounds`` times).
///
/// A graph of at most ``shortGraphLayers`` layers keeps every wire (a far wire still fits beside
/// it, as `reuse.grad`'s x into Add). Wires from a function to its outputs never become references:
/// a variable is drawn where it is made. The cost is linear in boxes and wires.
struct ReferenceRule {
  /// The most layers a wire from a variable may span; longer ones become references.
  var maxSpan = 2
  /// The most consumer boxes a variable may wire to; beyond, all but the first get references.
  var maxFanOut = 4
  /// The most layerings the rule makes.
  var rounds = 4
  /// A graph of at most this many layers is short enough for every wire to fit beside it: no wire
  /// of it is far.
  var shortGraphLayers = 6

  /// For each of `display`'s edges, whether it becomes a reference.
  func references(in display: DisplayGraph) throws(LayoutError) -> [Bool] {
    var isReference = manyUses(in: display)
    for round in 0..<rounds {
      var drawn = display
      drawn.drawReferences(isReference)
      let layer = try assignLayers(
        nodeCount: drawn.nodes.count, edges: drawn.edges.map { LayoutEdge(from: $0.from, to: $0.to) })
      if round == 0 && (layer.max() ?? 0) < shortGraphLayers { break }
      guard markFarUses(in: display, layer: layer, isReference: &isReference) else { break }
    }
    return isReference
  }

  private func isVariable(_ box: Int, _ display: DisplayGraph) -> Bool {
    if case .variable = display.nodes[box] { return true }
    return false
  }

  /// The wires to every consumer but the first of variables with more than ``maxFanOut``.
  private func manyUses(in display: DisplayGraph) -> [Bool] {
    let edges = display.edges
    var consumers = [Int](repeating: 0, count: display.nodes.count)
    var lastConsumer = [Int](repeating: -1, count: display.nodes.count)
    var firstConsumer = [Int](repeating: -1, count: display.nodes.count)
    for edge in edges where isVariable(edge.from, display) && lastConsumer[edge.from] != edge.to {
      if firstConsumer[edge.from] < 0 { firstConsumer[edge.from] = edge.to }
      lastConsumer[edge.from] = edge.to
      consumers[edge.from] += 1
    }
    return edges.map { consumers[$0.from] > maxFanOut && $0.to != firstConsumer[$0.from] }
  }

  /// Marks the wires that are far in `layer` (the layers of `display`'s boxes, the first
  /// `display.nodes.count` of them); returns whether it marked any.
  private func markFarUses(in display: DisplayGraph, layer: [Int], isReference: inout [Bool]) -> Bool {
    let edges = display.edges
    var farFromMaker = [Bool](repeating: false, count: display.nodes.count)
    var isInput = [Bool](repeating: true, count: display.nodes.count)
    var nearest = [Int](repeating: -1, count: display.nodes.count)
    for edge in edges where isVariable(edge.to, display) {
      isInput[edge.to] = false
      if layer[edge.to] - layer[edge.from] > maxSpan { farFromMaker[edge.to] = true }
    }
    for (index, edge) in edges.enumerated()
    where !isReference[index] && isVariable(edge.from, display) && isInput[edge.from] {
      if nearest[edge.from] < 0 || layer[edge.to] < layer[nearest[edge.from]] { nearest[edge.from] = edge.to }
    }
    var marked = false
    for (index, edge) in edges.enumerated()
    where !isReference[index] && isVariable(edge.from, display) && nearest[edge.from] != edge.to
      && (farFromMaker[edge.from] || layer[edge.to] - layer[edge.from] > maxSpan)
    {
      isReference[index] = true
      marked = true
    }
    return marked
  }
}
