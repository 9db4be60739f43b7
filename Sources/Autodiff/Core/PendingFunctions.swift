/// A function a backward pass has to run: an object, or a variable's deferred creator.
///
/// The references are unretained, so scheduling and running a function costs no reference
/// counting: everything a pass schedules is reachable from the variable the pass started from,
/// which the pass holds, and a graph's links never change.
enum PendingFunction {
  /// A function object.
  case object(Unmanaged<Function>)
  /// The deferred creator of this variable (see `DeferredCreator`).
  case deferred(of: Unmanaged<Variable>)

  /// The function's generation: the largest among its inputs.
  var generation: Int {
    switch self {
    case .object(let function): function._withUnsafeGuaranteedRef(\.generation)
    case .deferred(let output): output._withUnsafeGuaranteedRef(\.generation) - 1
    }
  }
}

/// The functions a backward pass has scheduled and not yet run, in buckets by generation: `pop()`
/// returns the most recently pushed function of the highest generation.
///
/// Each bucket is a linked stack threaded through one shared array of nodes (popped nodes are reused),
/// so there is no array per generation. While a single function is pending (always, in a chain) it
/// waits in an inline slot and the buckets are not even created.
struct PendingFunctions {
  /// The pending function while it is the only one and the buckets are empty.
  private var only: PendingFunction?
  /// The buckets, created when a second function is pending (never, in a chain).
  private var buckets: Buckets?
  /// How many functions are pending.
  private var count = 0

  /// Whether no function is pending.
  var isEmpty: Bool { count == 0 }

  /// Adds `function` on top of its generation's bucket.
  mutating func push(_ function: PendingFunction) {
    if count == 0 {
      only = function
    } else {
      if buckets == nil { buckets = Buckets() }
      if let sole = only.take() { buckets!.push(sole) }
      buckets!.push(function)
    }
    count += 1
  }

  /// Removes and returns the top of the highest non-empty bucket; `nil` when none is pending.
  mutating func pop() -> PendingFunction? {
    guard count > 0 else { return nil }
    count -= 1
    if let sole = only.take() { return sole }
    return buckets!.pop()
  }
}

/// Pending functions in buckets by generation, each a linked stack threaded through one shared
/// array of nodes.
private struct Buckets {
  private struct Node {
    var function: PendingFunction?
    var next: Int
  }

  /// Per generation, the index in `nodes` of the bucket's top, or -1 when the bucket is empty.
  private var heads: [Int] = []
  private var nodes: [Node] = []
  /// The first reusable node, or -1; reusable nodes are chained through `next`.
  private var free = -1
  /// At least the highest generation with a non-empty bucket (lowered lazily, by `pop()`).
  private var highest = -1

  /// Adds `function` on top of its generation's bucket.
  mutating func push(_ function: PendingFunction) {
    let generation = function.generation
    if generation >= heads.count {
      heads.append(contentsOf: repeatElement(-1, count: generation + 1 - heads.count))
    }
    let node = Node(function: function, next: heads[generation])
    if free >= 0 {
      heads[generation] = free
      free = nodes[free].next
      nodes[heads[generation]] = node
    } else {
      heads[generation] = nodes.count
      nodes.append(node)
    }
    highest = max(highest, generation)
  }

  /// Removes and returns the top of the highest non-empty bucket.
  ///
  /// - Precondition: some bucket is non-empty.
  mutating func pop() -> PendingFunction? {
    while heads[highest] < 0 { highest -= 1 }
    let top = heads[highest]
    let function = nodes[top].function.take()
    heads[highest] = nodes[top].next
    nodes[top].next = free
    free = top
    return function
  }
}
