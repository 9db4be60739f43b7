import Stepping

/// The inspector's line saying where a variable is used: each function that takes it, with the
/// forward step it runs at, `used by: Mul (t=3), Add (t=5), … 18 more`, cut to fit a width. With
/// references a variable's uses can be far apart, so this is where to read them all.
enum UsageLine {
  /// The uses of variable `variable` of `graph` in at most `width` characters (at least one use is
  /// always named).
  static func text(of variable: Int, in graph: GraphModel, width: Int) -> String {
    let consumers = graph.variables[variable].consumers
    let head = "  used by: "
    guard !consumers.isEmpty else { return head + "nothing (the output)" }
    var text = head
    for (count, function) in consumers.enumerated() {
      let item = (count == 0 ? "" : ", ") + "\(graph.functions[function].label) (t=\(function + 1))"
      let left = consumers.count - count - 1
      let tail = left == 0 ? "" : ", … \(left) more"
      if count > 0 && text.count + item.count + tail.count > width {
        return text + ", … \(consumers.count - count) more"
      }
      text += item
    }
    return text
  }
}
