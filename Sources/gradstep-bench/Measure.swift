/// Runs one case with `medianRuns` and turns its phases into a result line; a `CheckFailure` gives a
/// line with `"status": "failed"` and the message as `"error"`.
///
/// `base` holds the fields that name the case; `fill` adds the measured fields from the median
/// phases and returns the table summary.
func measureCase(
  base: JSONLine, label: String, slowSeconds: Double, slowPhases: Int = .max,
  runOnce: () throws -> [Double], fill: (inout JSONLine, [Double]) -> String
) -> CaseResult {
  var line = base
  do {
    let (phases, runs) = try medianRuns(slowSeconds: slowSeconds, slowPhases: slowPhases, runOnce)
    line["status"] = .string("ok")
    line["runs"] = .int(runs)
    let summary = fill(&line, phases)
    return CaseResult(line: line, label: label, summary: summary)
  } catch {
    line["status"] = .string("failed")
    line["error"] = .string("\(error)")
    return CaseResult(line: line, label: label, summary: "\(error)")
  }
}
