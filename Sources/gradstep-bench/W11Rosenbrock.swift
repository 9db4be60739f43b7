import Foundation

/// W11 "optimisation loop": DeZero step 28's gradient descent on the Rosenbrock function, as
/// `Assets/Examples/rosenbrock.grad` writes it, with its `repeat` count set to N and to 1,000.
///
/// Each is the whole process `gradstep --headless --keys '}' FILE` (parse, run every iteration,
/// build the last iteration's timeline, print one 80×24 frame), started with `posix_spawn` under a
/// 120 s limit and a 3 GB cap: one untimed warm-up of the short one, then 3 rounds of both, the
/// median of each. Time per iteration = (T(N) − T(1,000)) ÷ (N − 1,000), so the start-up, the
/// parsing and the frame cancel out. Peak memory: the N run's `VmHWM`. **Checks**: both exit 0,
/// show `iteration N/N`, and the 1,000-iteration run's x0 and x1 (read from the frame's inspector)
/// are reported for compare.py to check against the peers' (DeZero's book values).
enum W11Rosenbrock {
  /// Measures the loop at `iterations` iterations.
  static func run(iterations: Int, report: Report) {
    var line = JSONLine()
    line["workload"] = .string("W11")
    line["fw"] = .string("gradstep")
    line["iterations"] = .int(iterations)
    let label = "W11 Rosenbrock loop, \(formatted(Double(iterations), places: 0)) iterations"
    do {
      let spawner = try Spawner()
      defer { spawner.cleanUp() }
      let binary = try W6StartUp.gradstepBinary()
      let text = try String(
        contentsOf: GraphFiles.repositoryRoot.appendingPathComponent("Assets/Examples/rosenbrock.grad"),
        encoding: .utf8)
      let long = try program(text, iterations: iterations, in: spawner)
      let short = try program(text, iterations: 1_000, in: spawner)
      _ = try checkedRun(binary, short, iterations: 1_000, spawner: spawner)
      var longTimes = [Double]()
      var shortTimes = [Double]()
      var peak = 0
      var values = (x0: Double.nan, x1: Double.nan)
      for _ in 0..<3 {
        let longRun = try checkedRun(binary, long, iterations: iterations, spawner: spawner)
        longTimes.append(longRun.seconds)
        peak = max(peak, longRun.peakBytes)
        let shortRun = try checkedRun(binary, short, iterations: 1_000, spawner: spawner)
        shortTimes.append(shortRun.seconds)
        values = (try inspected("x0", in: shortRun.run.output), try inspected("x1", in: shortRun.run.output))
      }
      let perIteration = (median(longTimes) - median(shortTimes)) / Double(iterations - 1_000)
      line["status"] = .string("ok")
      line["ns_per_iteration"] = .double(rounded(perIteration * 1e9, places: 1))
      line["process_ms"] = .double(rounded(median(longTimes) * 1e3, places: 1))
      line["process_1000_ms"] = .double(rounded(median(shortTimes) * 1e3, places: 1))
      line["peak_mb"] = .double(rounded(Double(peak) / 1_048_576, places: 1))
      line["x0_1000"] = .double(values.x0)
      line["x1_1000"] = .double(values.x1)
      report.add(
        CaseResult(
          line: line, label: label,
          summary:
            "\(formatted(perIteration * 1e9)) ns/iteration, \(formatted(median(longTimes) * 1e3)) ms in all, "
            + "peak \(formatted(Double(peak) / 1_048_576)) MB"))
    } catch {
      line["status"] = .string("failed")
      line["error"] = .string("\(error)")
      report.add(CaseResult(line: line, label: label, summary: "\(error)"))
    }
  }

  /// `text` with its `repeat` count replaced by `iterations`, written to a file of `spawner`'s.
  private static func program(_ text: String, iterations: Int, in spawner: Spawner) throws -> String {
    guard let range = text.range(of: "repeat 1000:") else {
      throw CheckFailure(description: "rosenbrock.grad has no 'repeat 1000:' line")
    }
    let file = spawner.folder.appendingPathComponent("rosenbrock_\(iterations).grad")
    try text.replacingCharacters(in: range, with: "repeat \(iterations):").write(
      to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// Runs the program at `path` to its last iteration and checks the frame says so.
  private static func checkedRun(_ binary: String, _ path: String, iterations: Int, spawner: Spawner) throws
    -> LimitedRun
  {
    let run = try spawner.runLimited(
      binary, ["--headless", "--keys", "}", path], timeout: 120, memoryCap: 3 << 30)
    guard run.ending == .exited(0), run.run.output.contains("iteration \(iterations)/\(iterations)") else {
      throw CheckFailure(
        description:
          "gradstep \(path): \(run.description), printed \(run.run.output.prefix(300).debugDescription) "
          + run.run.errorTail)
    }
    return run
  }

  /// The value the frame's inspector shows for `name` (`  x0 = 0.68…`).
  private static func inspected(_ name: String, in output: String) throws -> Double {
    let prefix = "  \(name) = "
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
      let value = Double(line.dropFirst(prefix.count))
    else { throw CheckFailure(description: "no '\(prefix)' line in the frame") }
    return value
  }
}
