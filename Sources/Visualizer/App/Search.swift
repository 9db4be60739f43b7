import Stepping

/// The search line `/` opens: the name typed so far, and the selection to go back to when Esc
/// cancels it. Each key selects the first match at once (incremental); Enter keeps it.
public struct Search: Equatable, Sendable {
  /// The text typed so far.
  public internal(set) var line = LineEditor()
  /// The selection before the search started, restored when it is cancelled.
  public let previousSelection: Int?

  /// The nodes whose label matches `query`, in `order` (the Tab order): first those called exactly
  /// that, then those whose label starts with it, then those that contain it elsewhere. Letters match either case unless the
  /// query has a capital (as vim's `smartcase`); an empty query matches nothing.
  static func matches(of query: String, in graph: GraphModel, order: [Int]) -> [Int] {
    guard !query.isEmpty else { return [] }
    let caseless = query == query.lowercased()
    let needle = caseless ? query.lowercased() : query
    var exact = [Int]()
    var prefixed = [Int]()
    var containing = [Int]()
    for node in order {
      let label =
        node < graph.variables.count
        ? graph.variables[node].label : graph.functions[node - graph.variables.count].label
      let haystack = caseless ? label.lowercased() : label
      if haystack == needle {
        exact.append(node)
      } else if haystack.hasPrefix(needle) {
        prefixed.append(node)
      } else if haystack.contains(needle) {
        containing.append(node)
      }
    }
    return exact + prefixed + containing
  }
}
