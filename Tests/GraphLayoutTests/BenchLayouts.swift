import GraphLayout
import Synchronization

/// Layouts of the benchmark graphs, each worked out once per orientation and shared by every test
/// that needs it (the large ones take seconds in a debug build).
enum BenchLayouts {
  private final class Entry: Sendable {
    let layout = Mutex<Layout?>(nil)
  }

  private static let entries = Mutex<[String: Entry]>([:])

  /// The layout of benchmark graph `name` with default options in `orientation`.
  static func layout(_ name: String, _ orientation: Orientation) throws -> Layout {
    let entry = entries.withLock { entries in
      let key = "\(name) \(orientation)"
      if let entry = entries[key] { return entry }
      let entry = Entry()
      entries[key] = entry
      return entry
    }
    return try entry.layout.withLock { layout in
      if let layout { return layout }
      let computed = try layoutGraph(
        TestGraphs.bench(name), options: LayoutOptions(orientation: orientation))
      layout = computed
      return computed
    }
  }
}
