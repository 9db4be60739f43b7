/// Runs one case with `medianRuns` and turns its phases into a result line; a `CheckFailure` gives a
/// line with `"status": "failed"` and the message as `"error"`.
///
/// `base` holds the fields that name the case; `fill` adds the measured fields from the median
/// phases and returns the table summary.
func measureCase(
  base: JSONLine, label: String, slowSeconds: Double, slowPhases: Int = .max,
  runOnce: () throws -> [Double], fill: (inout JSONLine, [Double]) -> String
) -> CaseResult {
  caseResult(
    base: base, label: label,
    measured: Result { try medianRuns(slowSeconds: slowSeconds, slowPhases: slowPhases, runOnce) }, fill: fill
  )
}

/// The result line of a case measured already (by `medianRuns` or `interleavedMedianRuns`): `fill`
/// adds the fields of its median phases; a failure gives `"status": "failed"` and the `"error"`.
func caseResult(
  base: JSONLine, label: String, measured: Result<(phases: [Double], runs: Int), any Error>,
  fill: (inout JSONLine, [Double]) -> String
) -> CaseResult {
  var line = base
  switch measured {
  case .success(let (phases, runs)):
    line["status"] = .string("ok")
    line["runs"] = .int(runs)
    let summary = fill(&line, phases)
    return CaseResult(line: line, label: label, summary: summary)
  case .failure(let error):
    line["status"] = .string("failed")
    line["error"] = .string("\(error)")
    return CaseResult(line: line, label: label, summary: "\(error)")
  }
}
