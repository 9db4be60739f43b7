import Autodiff
import Stepping

extension StateJSON {
  /// `"iterations": [{"index": 0, "loss": 401.0, "parameters": {"x0": 0.0, "x1": 2.0}}, …]` for
  /// entries `0...N` of the run: entry i holds the values at the start of iteration i, entry N
  /// those after the last update. Tensors are nested arrays.
  static func optimization(_ run: Optimization) -> String {
    var text = "{\n    \"iterations\": [\n"
    text.reserveCapacity(run.losses.count * (40 + 30 * run.names.count))
    for entry in run.losses.indices {
      let values = run.parameterValues(at: entry)
      let parameters = zip(run.names, values).map { "\(string($0)): \(tensor($1))" }.joined(separator: ", ")
      text +=
        "      {\"index\": \(entry), \"loss\": \(number(run.losses[entry])), \"parameters\": {\(parameters)}}"
      text += entry == run.losses.count - 1 ? "\n" : ",\n"
    }
    return text + "    ]\n  }"
  }
}
