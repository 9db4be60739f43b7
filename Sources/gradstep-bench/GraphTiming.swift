import Autodiff

/// A graph under measurement: the leaf x and the output y.
typealias Graph = (x: Variable, y: Variable)

/// One run of W2 or W3: times `build` (leaf creation and graph build), then `y.backward()` plus the
/// read of x.grad, then the release of the graph, and returns those three times in seconds.
///
/// The release is timed on its own and reported as `dealloc_ms`, outside `forward_ms` and
/// `backward_ms`: the peers' Python graphs are freed after their timed regions too. `check` throws
/// `CheckFailure` when the gradient is wrong.
func timeGraph(build: () -> Graph, check: (Double) throws -> Void) throws -> [Double] {
  let holder = GraphHolder()
  let (forward, _) = timed { holder.graph = build() }
  let (backward, grad) = timed { () -> Double in
    guard let (x, y) = holder.graph else { return .nan }
    y.backward()
    return x.grad?.scalar ?? .nan
  }
  let (release, _) = timed { holder.graph = nil }
  try check(grad)
  return [forward, backward, release]
}

/// The only owner of a graph under measurement, so that the graph is released exactly where the
/// holder lets go of it and not wherever the optimiser ends a local's lifetime.
private final class GraphHolder {
  var graph: Graph?
}

/// Adds `forward_ms`, `backward_ms`, the per-unit nanoseconds (`forward_ns_per_<unit>`) and
/// `dealloc_ms` from the phases `timeGraph` returns, and gives the table summary.
func fillGraphTimes(_ line: inout JSONLine, phases: [Double], count: Int, unit: String) -> String {
  line["forward_ms"] = .double(rounded(phases[0] * 1e3, places: 3))
  line["backward_ms"] = .double(rounded(phases[1] * 1e3, places: 3))
  line["forward_ns_per_\(unit)"] = .double(rounded(phases[0] / Double(count) * 1e9, places: 1))
  line["backward_ns_per_\(unit)"] = .double(rounded(phases[1] / Double(count) * 1e9, places: 1))
  line["dealloc_ms"] = .double(rounded(phases[2] * 1e3, places: 3))
  return "fwd \(formatted(phases[0] * 1e3, places: 3)) ms / bwd \(formatted(phases[1] * 1e3, places: 3)) ms"
    + " (\(formatted(phases[0] / Double(count) * 1e9)) / \(formatted(phases[1] / Double(count) * 1e9)) ns per \(unit))"
    + ", dealloc \(formatted(phases[2] * 1e3, places: 3)) ms"
}
