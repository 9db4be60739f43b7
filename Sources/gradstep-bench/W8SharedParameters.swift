import Foundation
import GraphProgram

/// W8 "shared parameters": the whole process `gradstep --headless --keys b FILE` on graphs whose
/// parameters are used everywhere (the recurrence `h_t = tanh(w*h_{t-1} + u*x)` unrolled T times;
/// the one-line fan-out sum `y = x + x + … + x` of N terms), next to the same command on a plain
/// chain with the same number of functions (`W5Programs.chain`), and `dot -Tplain` on the same graph
/// (`W8Programs.dot`). Every child runs under a time limit and a memory cap (`runLimited`), and a
/// child stopped by either is reported as such. Time and peak memory (`LimitedRun.peakBytes`) are those of
/// one run, or the median of three when both first runs took under 10 s, the graph's and the
/// chain's runs taken in turn (`measurePair`).
enum W8SharedParameters {
  /// Sizes and limits of a run.
  struct Plan {
    var recurrenceSteps: [Int]
    var fanOutTerms: [Int]
    /// The gradstep time limit, seconds.
    var timeout: Double
    /// The gradstep memory cap, bytes.
    var memoryCap: Int
    /// The dot time limit, seconds.
    var dotTimeout: Double

    static let full = Plan(
      recurrenceSteps: [100, 1_000, 10_000], fanOutTerms: [1_000, 10_000, 200_000], timeout: 120,
      memoryCap: 3 << 30, dotTimeout: 60)
    static let quick = Plan(
      recurrenceSteps: [10, 100], fanOutTerms: [100, 300], timeout: 30, memoryCap: 1 << 30, dotTimeout: 10)
  }

  /// Runs every case of `plan`: each graph with `--headless`, the largest fan-out also with `--json`.
  static func run(plan: Plan, report: Report) {
    let setup = Result { (try Spawner(), try W6StartUp.gradstepBinary()) }
    defer { try? setup.get().0.cleanUp() }
    var cases =
      plan.recurrenceSteps.map { ("recurrence", $0, false) } + plan.fanOutTerms.map { ("fanout", $0, false) }
    if let largest = plan.fanOutTerms.last { cases.append(("fanout", largest, true)) }
    for (graph, n, json) in cases {
      report.add(measureGradstep(graph: graph, n: n, json: json, plan: plan, setup: setup))
      if !json { report.add(measureDot(graph: graph, n: n, plan: plan, setup: setup)) }
    }
  }

  private static func base(graph: String, n: Int, fw: String) -> JSONLine {
    var line = JSONLine()
    line["workload"] = .string("W8")
    line["fw"] = .string(fw)
    line["graph"] = .string(graph)
    line["n"] = .int(n)
    line["functions"] = .int(W8Programs.functions(graph: graph, n: n))
    return line
  }

  private static func label(_ graph: String, _ n: Int) -> String {
    graph == "recurrence"
      ? "recurrence T=\(formatted(Double(n), places: 0))" : "fan-out N=\(formatted(Double(n), places: 0))"
  }

  private static func measureGradstep(
    graph: String, n: Int, json: Bool, plan: Plan, setup: Result<(Spawner, String), any Error>
  ) -> CaseResult {
    var line = base(graph: graph, n: n, fw: "gradstep")
    line["mode"] = .string(json ? "json" : "headless")
    let label = "W8 \(label(graph, n)) gradstep\(json ? " --json" : "")"
    do {
      let (spawner, binary) = try setup.get()
      let functions = W8Programs.functions(graph: graph, n: n)
      let file = try write(W8Programs.program(graph: graph, n: n), "\(graph)_\(n).grad", spawner)
      let chain = try write(W5Programs.chain(functions: functions), "chain_\(functions).grad", spawner)
      let mode = json ? ["--json"] : ["--headless"]
      let (ours, plain) = try measurePair(
        binary, ours: mode + ["--keys", "b", file], plain: mode + ["--keys", "b", chain], json: json,
        plan: plan,
        spawner)
      guard plain.ending == .exited(0) else {
        throw CheckFailure(description: "the plain chain of \(functions) functions: \(plain.description)")
      }
      line["status"] = .string(ours.ending == .exited(0) ? "ok" : ours.description)
      line["runs"] = .int(ours.runs)
      line["ms"] = .double(rounded(ours.seconds * 1e3, places: 1))
      line["peak_mb"] = .double(rounded(Double(ours.peakBytes) / 1e6, places: 1))
      line["chain_ms"] = .double(rounded(plain.seconds * 1e3, places: 1))
      line["chain_peak_mb"] = .double(rounded(Double(plain.peakBytes) / 1e6, places: 1))
      line["timeout_s"] = .double(plan.timeout)
      line["memory_cap_mb"] = .int(plan.memoryCap / 1_000_000)
      guard ours.ending == .exited(0) else {
        let summary =
          "\(ours.description) after \(formatted(ours.seconds, places: 1)) s at "
          + "\(formatted(Double(ours.peakBytes) / 1e6)) MB (chain \(formatted(plain.seconds * 1e3)) ms)"
        return CaseResult(line: line, label: label, summary: summary)
      }
      let timeRatio = ours.seconds / plain.seconds
      let memoryRatio = Double(ours.peakBytes) / Double(plain.peakBytes)
      line["time_ratio"] = .double(rounded(timeRatio, places: 2))
      line["memory_ratio"] = .double(rounded(memoryRatio, places: 2))
      return CaseResult(
        line: line, label: label,
        summary: "\(formatted(ours.seconds * 1e3)) ms, \(formatted(Double(ours.peakBytes) / 1e6)) MB; "
          + "÷ chain: time \(formatted(timeRatio, places: 2))×, memory \(formatted(memoryRatio, places: 2))×")
    } catch {
      line["status"] = .string("failed")
      line["error"] = .string("\(error)")
      return CaseResult(line: line, label: label, summary: "\(error)")
    }
  }

  /// A measured command: the median time and peak of its runs, or the one run that did not succeed.
  private struct Measured {
    var ending: LimitedRun.Ending
    var description: String
    var seconds: Double
    var peakBytes: Int
    var runs: Int
  }

  /// How long (seconds) both first runs may take for the pair to get three rounds.
  static let repeatBelow = 10.0

  /// Runs gradstep on `ours` and on `plain` in turn: a first round, then two more when both
  /// succeeded in under `repeatBelow` seconds, ours then plain each round, so that a change in the
  /// machine's load reaches both alike and their ratio stays fair (one slow run is not a ratio).
  /// A run that does not succeed ends its command's measurement with that run.
  private static func measurePair(
    _ binary: String, ours: [String], plain: [String], json: Bool, plan: Plan, _ spawner: Spawner
  ) throws -> (ours: Measured, plain: Measured) {
    var oursRuns = [try once(binary, ours, json: json, plan: plan, spawner)]
    var plainRuns = [try once(binary, plain, json: json, plan: plan, spawner)]
    let succeeded = { (runs: [LimitedRun]) in runs.allSatisfy { $0.ending == .exited(0) } }
    if succeeded(oursRuns + plainRuns), max(oursRuns[0].seconds, plainRuns[0].seconds) < repeatBelow {
      for _ in 1..<3 where succeeded(oursRuns + plainRuns) {
        oursRuns.append(try once(binary, ours, json: json, plan: plan, spawner))
        plainRuns.append(try once(binary, plain, json: json, plan: plan, spawner))
      }
    }
    return (summary(oursRuns), summary(plainRuns))
  }

  /// The median time and peak of `runs`, or the first that did not succeed.
  private static func summary(_ runs: [LimitedRun]) -> Measured {
    if let failed = runs.first(where: { $0.ending != .exited(0) }) {
      return Measured(
        ending: failed.ending, description: failed.description, seconds: failed.seconds,
        peakBytes: failed.peakBytes, runs: 1)
    }
    return Measured(
      ending: .exited(0), description: "ok", seconds: median(runs.map(\.seconds)),
      peakBytes: Int(median(runs.map { Double($0.peakBytes) })), runs: runs.count)
  }

  /// One run of gradstep; one that exits 0 must have reached the end (`· done` on screen,
  /// `"phase": "done"` in JSON), and exit statuses 1 and 2 are errors.
  private static func once(
    _ binary: String, _ arguments: [String], json: Bool, plan: Plan, _ spawner: Spawner
  ) throws -> LimitedRun {
    let run = try spawner.runLimited(binary, arguments, timeout: plan.timeout, memoryCap: plan.memoryCap)
    guard run.ending != .exited(1), run.ending != .exited(2) else {
      throw CheckFailure(
        description: "gradstep \(arguments.joined(separator: " ")): \(run.description): " + run.run.errorTail)
    }
    let done = json ? run.run.output.contains("\"phase\": \"done\"") : run.run.output.contains("· done")
    guard run.ending != .exited(0) || done else {
      throw CheckFailure(
        description: "gradstep \(arguments.joined(separator: " ")) did not reach the end: "
          + run.run.output.prefix(200))
    }
    return run
  }

  private static func measureDot(
    graph: String, n: Int, plan: Plan, setup: Result<(Spawner, String), any Error>
  )
    -> CaseResult
  {
    var line = base(graph: graph, n: n, fw: "dot")
    let label = "W8 \(label(graph, n)) dot -Tplain"
    guard isOnPath("dot") else {
      line["status"] = .string("unavailable")
      line["error"] = .string("dot is not on PATH (apt-get install graphviz)")
      return CaseResult(line: line, label: label, summary: "unavailable: no dot on PATH")
    }
    do {
      let (spawner, _) = try setup.get()
      let program = try Program.parse(W8Programs.program(graph: graph, n: n))
      let dot = W8Programs.dot(of: program)
      let file = try write(dot.text, "\(graph)_\(n).dot", spawner)
      let run = try spawner.runLimited(
        "dot", ["-Tplain", file], timeout: plan.dotTimeout, memoryCap: plan.memoryCap)
      line["nodes"] = .int(dot.nodes)
      line["edges"] = .int(dot.edges)
      line["ms"] = .double(rounded(run.seconds * 1e3, places: 1))
      line["peak_mb"] = .double(rounded(Double(run.peakBytes) / 1e6, places: 1))
      line["timeout_s"] = .double(plan.dotTimeout)
      switch run.ending {
      case .exited(0):
        _ = try DotPlain.drawing(
          run.run.output, nodeCount: dot.nodes, edgeCount: dot.edges, leftToRight: true)
        line["status"] = .string("ok")
        return CaseResult(line: line, label: label, summary: "\(formatted(run.seconds * 1e3)) ms")
      case .timedOut:
        line["status"] = .string("did not finish")
      default:
        line["status"] = .string(run.description)
      }
      return CaseResult(
        line: line, label: label, summary: "\(run.description) after \(formatted(run.seconds, places: 1)) s")
    } catch {
      line["status"] = .string("failed")
      line["error"] = .string("\(error)")
      return CaseResult(line: line, label: label, summary: "\(error)")
    }
  }

  /// Writes `text` to `name` in the spawner's folder and returns the path.
  static func write(_ text: String, _ name: String, _ spawner: Spawner) throws -> String {
    let url = spawner.folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}
