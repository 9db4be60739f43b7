import Autodiff
import Stepping

/// What listing a selected variable's uses and gradient contributions costs once, kept between
/// frames (the screen holds one, as it holds its scenes), so that a frame of a weight used 10,000
/// times builds only the lines it shows: where each use's lines start at a width, and the
/// contributions in the order shown with their values formatted. Keeps the last variable's of each.
final class UsageCache {
  /// Which variable of which graph, at which width.
  struct UsesKey: Equatable {
    let variable: ObjectIdentifier
    let functions: Int
    let width: Int
  }

  /// Which variable's contributions, at which point of which timeline, in which order and width.
  struct TermsKey: Equatable {
    let uses: UsesKey
    let edition: Int
    let cursor: Int
    let bySize: Bool
  }

  /// The contributions in the order shown, their values as shown, and the values' column width.
  struct Terms {
    let ordered: [Session.Contribution]
    let values: [String]
    let valueWidth: Int
  }

  // Each entry holds its variable, so that no other object takes its identifier while it is kept.
  private var starts: (key: UsesKey, owner: Variable, value: [Int])?
  private var terms: (key: TermsKey, owner: Variable, value: Terms)?

  /// A cache with nothing kept.
  init() {}

  /// The first line of each use, and after them the line count: kept for `key`, else `build`'s.
  func starts(_ key: UsesKey, of owner: Variable, build: () -> [Int]) -> [Int] {
    if let starts, starts.key == key { return starts.value }
    let value = build()
    starts = (key, owner, value)
    return value
  }

  /// The contributions as shown: kept for `key`, else `build`'s.
  func terms(_ key: TermsKey, of owner: Variable, build: () -> Terms) -> Terms {
    if let terms, terms.key == key { return terms.value }
    let value = build()
    terms = (key, owner, value)
    return value
  }
}
