/// The backward pass's queue on a backward step, as inspector lines: the waiting functions by
/// generation, why the step's function was picked, and why the others wait. The lesson of a
/// diamond graph (DeZero's step 16): a function runs only once every gradient of its outputs
/// has arrived, which visiting the highest generation first guarantees.
struct QueueLines {
  let session: Session
  let width: Int

  /// How many waiting functions get a line saying why they wait.
  static let explainedLimit = 3
  /// How many functions the queue line names.
  static let listedLimit = 12

  private var graph: GraphModel { session.graph }

  var lines: [StyledLine] {
    guard let queue = session.backwardQueue else { return [] }
    let picked = name(queue.picked)
    let waiting = queue.buckets.flatMap { bucket in bucket.functions.map { (bucket.generation, $0) } }
    var clauses = ["Queue"]
    for (position, (generation, function)) in waiting.prefix(Self.listedLimit).enumerated() {
      let first = position == 0 || waiting[position - 1].0 != generation
      let last = position + 1 == waiting.count || waiting[position + 1].0 != generation
      clauses.append(
        (first ? (position == 0 ? "" : "· ") + "g\(generation): " : "") + name(function)
          + (function == queue.picked ? " (picked)" : "") + (last ? "" : ","))
    }
    if waiting.count > Self.listedLimit { clauses.append("… \(waiting.count - Self.listedLimit) more") }
    var lines = wrap(clauses, width: width, indent: "      ").enumerated().map { position, line in
      position == 0 && line.hasPrefix("Queue")
        ? StyledLine([("Queue", Theme.heading), (String(line.dropFirst(5)), .plain)]) : StyledLine(line)
    }
    let top = queue.buckets[0]
    let reason =
      waiting.count == 1
      ? "the only function waiting"
      : "the highest generation waiting (g\(top.generation))"
        + (top.functions.count > 1 ? "; within one, the last to join goes first" : "")
    lines += wrap(["\(picked) picked: \(reason)"], width: width, indent: "  ").map {
      StyledLine($0, Theme.help)
    }
    let lower = queue.buckets.dropFirst().flatMap { bucket in bucket.functions.map { (bucket.generation, $0) }
    }
    for (generation, function) in lower.prefix(Self.explainedLimit) {
      lines += wrap(
        ["\(name(function)) (g\(generation)) \(whyWaiting(function))"], width: width, indent: "  "
      )
      .map { StyledLine($0, Theme.help) }
    }
    if lower.count > Self.explainedLimit {
      lines.append(StyledLine("  … \(lower.count - Self.explainedLimit) more wait", Theme.help))
    }
    return lines
  }

  /// `Square→a`: a function by its op and outputs, since ops repeat.
  private func name(_ function: Int) -> String {
    let node = graph.functions[function]
    return "\(node.label)→" + node.outputs.map { graph.variables[$0].label }.joined(separator: ",")
  }

  /// Why `function`, of a lower generation than the picked one, waits: an output still expects a
  /// gradient from a function that has not run its backward before this step.
  private func whyWaiting(_ function: Int) -> String {
    for output in graph.functions[function].outputs {
      let missing = graph.variables[output].consumers.filter { session.backwardStepOf[$0] >= session.cursor }
      guard !missing.isEmpty else { continue }
      let senders = missing.prefix(2).map(name).joined(separator: ", ") + (missing.count > 2 ? ", …" : "")
      return "waits until every gradient of \(graph.variables[output].label) has arrived (from \(senders))"
    }
    return "waits: a lower generation"
  }
}
