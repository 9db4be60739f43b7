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
/// - **far**: then the display graph (with those references as inputs of their own) is layered with
///   GraphLayout's own linear layering, and a wire that spans more than ``maxSpan`` layers becomes a
///   reference. An input keeps the wire to its nearest consumer, so it is drawn beside its first use.
///
/// Wires from a function to its outputs never become references: a variable is drawn where it is
/// made. The cost is linear in boxes and wires.
struct ReferenceRule {
  /// The most layers a wire from a variable may span; longer ones become references.
  var maxSpan = 2
  /// The most consumer boxes a variable may wire to; beyond, all but the first get references.
  var maxFanOut = 4

  /// For each of `display`'s edges, whether it becomes a reference.
  func references(in display: DisplayGraph) throws(LayoutError) -> [Bool] {
    let edges = display.edges
    var isReference = [Bool](repeating: false, count: edges.count)
    var consumers = [Int](repeating: 0, count: display.nodes.count)
    var lastConsumer = [Int](repeating: -1, count: display.nodes.count)
    var firstConsumer = [Int](repeating: -1, count: display.nodes.count)
    for edge in edges where isVariable(edge.from, display) && lastConsumer[edge.from] != edge.to {
      if firstConsumer[edge.from] < 0 { firstConsumer[edge.from] = edge.to }
      lastConsumer[edge.from] = edge.to
      consumers[edge.from] += 1
    }
    for (index, edge) in edges.enumerated()
    where consumers[edge.from] > maxFanOut && edge.to != firstConsumer[edge.from] {
      isReference[index] = true
    }
    let layer = try layers(of: display, references: isReference)
    var hasInput = [Bool](repeating: false, count: display.nodes.count)
    for edge in edges { hasInput[edge.to] = true }
    var nearest = [Int](repeating: -1, count: display.nodes.count)
    for (index, edge) in edges.enumerated() where !isReference[index] && isVariable(edge.from, display) {
      if !hasInput[edge.from] && (nearest[edge.from] < 0 || layer[edge.to] < layer[nearest[edge.from]]) {
        nearest[edge.from] = edge.to
      }
      if layer[edge.to] - layer[edge.from] > maxSpan { isReference[index] = true }
    }
    for (index, edge) in edges.enumerated() where isReference[index] && nearest[edge.from] == edge.to {
      isReference[index] = false
    }
    return isReference
  }

  private func isVariable(_ box: Int, _ display: DisplayGraph) -> Bool {
    if case .variable = display.nodes[box] { return true }
    return false
  }

  /// The layers of `display`'s boxes, with each reference wire leaving a source of its own.
  private func layers(of display: DisplayGraph, references: [Bool]) throws(LayoutError) -> [Int] {
    var edges = [LayoutEdge]()
    edges.reserveCapacity(display.edges.count)
    var nodeCount = display.nodes.count
    for (index, edge) in display.edges.enumerated() {
      if references[index] {
        edges.append(LayoutEdge(from: nodeCount, to: edge.to))
        nodeCount += 1
      } else {
        edges.append(LayoutEdge(from: edge.from, to: edge.to))
      }
    }
    return try assignLayers(nodeCount: nodeCount, edges: edges)
  }
}
