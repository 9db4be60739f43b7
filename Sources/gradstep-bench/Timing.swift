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
  let warmUp = try runOnce()
  let count = warmUp.prefix(slowPhases).reduce(0, +) > slowSeconds ? 1 : runs
  var samples = [[Double]]()
  for _ in 0..<count { samples.append(try runOnce()) }
  let phases = warmUp.indices.map { phase in median(samples.map { $0[phase] }) }
  return (phases, count)
}

/// The median, as Python's `statistics.median` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}
