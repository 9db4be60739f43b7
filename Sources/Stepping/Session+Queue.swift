/// The backward pass's queue at one step: the functions waiting for their turn, by generation.
public struct BackwardQueue: Equatable {
  /// One generation's waiting functions (indices into the graph's functions), in the order the
  /// pass takes them: the last to join first, as Autodiff's pass keeps each generation as a stack.
  public struct Bucket: Equatable {
    /// The generation: the largest generation among the functions' inputs.
    public var generation: Int
    /// The functions.
    public var functions: [Int]
  }

  /// The waiting functions, highest generation first: the pass takes its next function from the
  /// first bucket.
  public var buckets: [Bucket]
  /// The function the step ran: the first of the first bucket.
  public var picked: Int
}

extension Session {
  /// The queue the backward pass picked the current step's function from, `nil` when the cursor
  /// is not on a backward step.
  ///
  /// Rebuilt from the timeline: the pass starts with the output's creator, runs the function of
  /// the highest generation, and queues the creators of that function's inputs the first time a
  /// gradient reaches them. Costs one walk over the backward steps so far.
  public var backwardQueue: BackwardQueue? {
    guard case .backward(let picked) = currentStep?.kind else { return nil }
    var queued = Set<Int>()
    var joined = [Int]()
    var done = Set<Int>()
    func enqueueCreator(of variable: Int) {
      guard let creator = graph.variables[variable].creator, queued.insert(creator).inserted else { return }
      joined.append(creator)
    }
    enqueueCreator(of: graph.output)
    let seed = seedSteps[passAtCursor ?? 0]
    for step in steps[seed..<(cursor - 1)] {
      guard case .backward(let function) = step.kind else { continue }
      done.insert(function)
      graph.functions[function].inputs.forEach(enqueueCreator(of:))
    }
    var buckets = [Int: [Int]]()
    for function in joined.reversed() where !done.contains(function) {
      buckets[graph.functions[function].function.generation, default: []].append(function)
    }
    return BackwardQueue(
      buckets: buckets.keys.sorted(by: >).map {
        BackwardQueue.Bucket(generation: $0, functions: buckets[$0]!)
      },
      picked: picked)
  }
}
