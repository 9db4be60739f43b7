/// The largest graph GradStep draws. Layout takes time and memory linear in the graph's nodes
/// (about 10 µs and 750 bytes a node, on top of the program and timeline's 1.6 KB a function), so
/// a limit on nodes is a limit on both: a program at the limit runs, lays out and draws its first
/// frame in about 15 s and 1.5 GB.
public enum LayoutLimit {
  /// The most nodes, variables and functions together, of a graph that is laid out and drawn:
  /// about 500,000 functions.
  public static let nodes = 1_000_000

  /// Why a graph of `nodes` nodes is not drawn, or `nil` when it is within the limit.
  public static func refusal(nodes: Int) -> String? {
    guard nodes > Self.nodes else { return nil }
    return "the graph has \(grouped(nodes)) variables and functions, more than the \(grouped(Self.nodes)) "
      + "GradStep lays out and draws; --json shows its values without drawing it"
  }

  /// A graph over the limit, thrown instead of laying it out.
  struct Exceeded: Error, CustomStringConvertible {
    let nodes: Int
    var description: String { LayoutLimit.refusal(nodes: nodes) ?? "" }
  }

  /// `number` with its digits in groups of three: `1,000,000`.
  private static func grouped(_ number: Int) -> String {
    var digits = String(number)
    var position = digits.count - 3
    while position > 0 {
      digits.insert(",", at: digits.index(digits.startIndex, offsetBy: position))
      position -= 3
    }
    return digits
  }
}
