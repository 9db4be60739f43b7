/// The functions a backward pass has scheduled and not yet run, in buckets by generation: `pop()`
/// returns the most recently pushed function of the highest generation.
///
/// Each bucket is a linked stack threaded through one shared array of nodes (popped nodes are reused),
/// so a 1,000,000-generation chain costs one array of bucket heads and a handful of nodes, not an
/// array per generation.
struct PendingFunctions {
  private struct Node {
    var function: Function?
    var next: Int
  }

  /// Per generation, the index in `nodes` of the bucket's top, or -1 when the bucket is empty.
  private var heads: [Int] = []
  private var nodes: [Node] = []
  /// The first reusable node, or -1; reusable nodes are chained through `next`.
  private var free = -1
  /// At least the highest generation with a non-empty bucket (lowered lazily, by `pop()`).
  private var highest = -1
  /// How many functions are pending.
  private var count = 0

  /// Whether no function is pending.
  var isEmpty: Bool { count == 0 }

  /// Adds `function` on top of its generation's bucket.
  mutating func push(_ function: Function) {
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
    count += 1
  }

  /// Removes and returns the top of the highest non-empty bucket; `nil` when none is pending.
  mutating func pop() -> Function? {
    guard count > 0 else { return nil }
    while heads[highest] < 0 { highest -= 1 }
    let top = heads[highest]
    let function = nodes[top].function.take()
    heads[highest] = nodes[top].next
    nodes[top].next = free
    free = top
    count -= 1
    return function
  }
}
