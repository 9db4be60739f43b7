/// A run whose result was wrong: the case fails with this message.
struct CheckFailure: Error, CustomStringConvertible {
  /// What was expected and what came out.
  let description: String
}

/// The seconds elapsed while `body` runs, on the monotonic `ContinuousClock`, and its result.
func timed<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
  let clock = ContinuousClock()
  let start = clock.now
  let result = try body()
  return (seconds(clock.now - start), result)
}

/// `duration` in seconds.
func seconds(_ duration: Duration) -> Double {
  let (whole, attoseconds) = duration.components
  return Double(whole) + Double(attoseconds) * 1e-18
}

/// The peers' method (`common.median_runs`): one warm-up run, then `runs` timed runs, and the median
/// of each phase. When the warm-up's first `slowPhases` phases take longer than `slowSeconds`
/// together, only one timed run follows.
///
/// `runOnce` returns the seconds of each phase (the same phases every time) and throws
/// `CheckFailure` when its result is wrong, which ends the measurement.
func medianRuns(
  runs: Int = 5, slowSeconds: Double, slowPhases: Int = .max, _ runOnce: () throws -> [Double]
) throws -> (phases: [Double], runs: Int) {
  try withoutActuallyEscaping(runOnce) { runOnce in
    try interleavedMedianRuns(runs: runs, [(slowSeconds, slowPhases, runOnce)])[0].get()
  }
}

/// The median, as Python's `statistics.median` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

/// `medianRuns` for several cases measured side by side: every case's warm-up, then their timed
/// runs taken in turn (the first case's, the second's, …, again), so that a change in the
/// machine's load during the measurement reaches every case alike and their ratio stays fair.
/// Each case gets `runs` timed runs, or one when its warm-up's first `slowPhases` phases take
/// longer than its `slowSeconds`; a case whose run throws stops there and gets that error.
func interleavedMedianRuns(
  runs: Int = 5, _ cases: [(slowSeconds: Double, slowPhases: Int, runOnce: () throws -> [Double])]
) -> [Result<(phases: [Double], runs: Int), any Error>] {
  var failures = [(any Error)?](repeating: nil, count: cases.count)
  var warmUps = [[Double]](repeating: [], count: cases.count)
  var counts = [Int](repeating: 0, count: cases.count)
  for (index, measured) in cases.enumerated() {
    do {
      warmUps[index] = try measured.runOnce()
      let slow = warmUps[index].prefix(measured.slowPhases).reduce(0, +) > measured.slowSeconds
      counts[index] = slow ? 1 : runs
    } catch {
      failures[index] = error
    }
  }
  var samples = [[[Double]]](repeating: [], count: cases.count)
  for round in 0..<runs {
    for (index, measured) in cases.enumerated() where failures[index] == nil && round < counts[index] {
      do { samples[index].append(try measured.runOnce()) } catch { failures[index] = error }
    }
  }
  return cases.indices.map { index in
    if let failure = failures[index] { return .failure(failure) }
    let phases = warmUps[index].indices.map { phase in median(samples[index].map { $0[phase] }) }
    return .success((phases, counts[index]))
  }
}
