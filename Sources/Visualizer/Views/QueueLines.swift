import Stepping

/// The backward pass's queue on a backward step, as inspector lines: the waiting functions by
/// generation, why the step's function was picked, and why the others wait. The lesson of a
/// diamond graph (DeZero's step 16): a function runs only once every gradient of its outputs
/// has arrived, which visiting the highest generation first guarantees.
struct QueueLines {
  let session: Session
  let width: Int

  /// How many functions the queue line names.
  static let listedLimit = 12
  /// How many waiting functions of lower generations get a line saying why they wait.
  static let explainedLimit = 3

  private var graph: GraphModel { session.graph }

  var lines: [StyledLine] {
    guard let queue = session.backwardQueue else { return [] }
    return queueLines(queue) + pickedLines(queue) + waitingLines(queue)
  }

  /// `Queue g1: Square→y#2 (picked), Square→y#1 · g0: Square→a`.
  private func queueLines(_ queue: BackwardQueue) -> [StyledLine] {
    let waiting = Self.entries(queue.buckets)
    var clauses = ["Queue"]
    for (position, entry) in waiting.prefix(Self.listedLimit).enumerated() {
      let opens = position == 0 || waiting[position - 1].generation != entry.generation
      let closes = position + 1 == waiting.count || waiting[position + 1].generation != entry.generation
      let head = opens ? (position == 0 ? "" : "· ") + "g\(entry.generation): " : ""
      let picked = entry.function == queue.picked ? " (picked)" : ""
      clauses.append(head + name(entry.function) + picked + (closes ? "" : ","))
    }
    if waiting.count > Self.listedLimit { clauses.append("… \(waiting.count - Self.listedLimit) more") }
    return wrap(clauses, width: width, indent: "      ").enumerated().map { position, line in
      guard position == 0, line.hasPrefix("Queue") else { return StyledLine(line) }
      return StyledLine([("Queue", Theme.heading), (String(line.dropFirst("Queue".count)), .plain)])
    }
  }

  /// Why the step's function went first.
  private func pickedLines(_ queue: BackwardQueue) -> [StyledLine] {
    let top = queue.buckets[0]
    let reason =
      queue.buckets.count == 1 && top.functions.count == 1
      ? "the only function waiting"
      : "the highest generation waiting (g\(top.generation))"
        + (top.functions.count > 1 ? "; within a generation, the last to join goes first" : "")
    return wrap(["\(name(queue.picked)) picked: \(reason)"], width: width, indent: "  ").map {
      StyledLine($0, Theme.help)
    }
  }

  /// Why the functions of lower generations wait, for the first few of them.
  private func waitingLines(_ queue: BackwardQueue) -> [StyledLine] {
    let lower = Self.entries(queue.buckets.dropFirst())
    var lines = lower.prefix(Self.explainedLimit).flatMap { entry in
      wrap(
        ["\(name(entry.function)) (g\(entry.generation)) \(whyWaiting(entry.function, behind: queue))"],
        width: width, indent: "  "
      ).map { StyledLine($0, Theme.help) }
    }
    if lower.count > Self.explainedLimit {
      lines.append(StyledLine("  … \(lower.count - Self.explainedLimit) more wait", Theme.help))
    }
    return lines
  }

  /// The waiting functions with their generation, in the order the pass takes them.
  private static func entries(_ buckets: some Sequence<BackwardQueue.Bucket>) -> [(
    generation: Int, function: Int
  )] {
    buckets.flatMap { bucket in bucket.functions.map { (bucket.generation, $0) } }
  }

  /// `Square→a`: a function by its op and outputs, since ops repeat.
  private func name(_ function: Int) -> String {
    let node = graph.functions[function]
    return "\(node.label)→" + node.outputs.map { graph.variables[$0].label }.joined(separator: ",")
  }

  /// Why `function`, of a lower generation than the picked one, waits: an output still expects a
  /// gradient from a function whose backward has not run before this step.
  private func whyWaiting(_ function: Int, behind queue: BackwardQueue) -> String {
    for output in graph.functions[function].outputs {
      let missing = graph.variables[output].consumers.filter {
        session.backwardStep(of: $0) >= session.cursor
      }
      guard !missing.isEmpty else { continue }
      let senders = missing.prefix(2).map(name).joined(separator: ", ") + (missing.count > 2 ? ", …" : "")
      return "waits until every gradient of \(graph.variables[output].label) has arrived (from \(senders))"
    }
    return "waits: its gradients are all there, but g\(queue.buckets[0].generation) goes first"
  }
}
