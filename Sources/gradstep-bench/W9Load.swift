import Foundation
import GraphProgram

/// W9 "load": how program size costs. A child process (`gradstep-bench w9-child FILE`) reads a file
/// and loads it with `Program.parse(bytes:)` (parse, shape check, graph, forward pass), reporting
/// its time and peak resident memory (minus an idle child's). Two programs of the same sizes in
/// bytes: a plain chain (`v1 = square(x)`, `v2 = sqrt(v1)`, …) and the "huge file" kind, one input
/// per line (`c0 = 1.0`, `c1 = 1.0`, … then `y = c0 + c1`); reported per MB of source and as the
/// inputs' throughput over the chain's. Then two programs past the limits, refused by the whole
/// process `gradstep --headless FILE` with exit 2 and the limit named: the issue's 50 MB file of
/// 3.4 M `cN = 1.0` lines (over 32 MiB) and 1.05 M of those lines (over 1,000,000 variables).
enum W9Load {
  /// The child's work, with the arguments after `w9-child`: a file to load, or nothing (idle).
  /// Prints `peak_bytes=… seconds=… variables=…` and returns the exit status.
  static func child(_ arguments: [String]) -> Int32 {
    guard let path = arguments.first else {
      guard let peak = peakResidentBytes() else { return 1 }
      print("peak_bytes=\(peak)")
      return 0
    }
    let clock = ContinuousClock()
    let start = clock.now
    guard let data = FileManager.default.contents(atPath: path) else { return 1 }
    let program: Program
    do {
      program = try Program.parse(bytes: [UInt8](data))
    } catch {
      FileHandle.standardError.write(Data("w9-child: \(error.render(fileName: path))\n".utf8))
      return 1
    }
    let elapsed = seconds(clock.now - start)
    guard let peak = peakResidentBytes() else { return 1 }
    print("peak_bytes=\(peak) seconds=\(elapsed) variables=\(program.variables.count)")
    return 0
  }

  /// Measures both programs at each size, then the two refusals.
  static func run(quick: Bool, report: Report) {
    let sizes = quick ? [250_000, 1_000_000] : [1_000_000, 4_000_000, 12_000_000]
    let setup = Result { try Spawner() }
    defer { try? setup.get().cleanUp() }
    let idle = Result { try childReport(setup.get(), []) }
    for size in sizes {
      var chainRate: Double?
      for kind in ["chain", "inputs"] {
        let result = measureLoad(kind: kind, size: size, chainRate: chainRate, setup: setup, idle: idle)
        if kind == "chain", case .double(let rate)? = result.line["mb_per_s"] { chainRate = rate }
        report.add(result)
      }
    }
    report.add(measureRefusal(lines: 3_400_000, expect: "over GradStep's limit of 33,554,432 bytes", setup))
    report.add(measureRefusal(lines: 1_050_000, expect: "more than 1,000,000 variables", setup))
  }

  /// A program of at least `size` bytes: a chain of functions or one input per line.
  static func program(kind: String, size: Int) -> String {
    var text = kind == "chain" ? "x = 0.5\n" : ""
    text.reserveCapacity(size + 64)
    var index = 0
    while text.utf8.count < size {
      index += 1
      if kind == "chain" {
        text +=
          "v\(index) = \(index.isMultiple(of: 2) ? "sqrt" : "square")(\(index == 1 ? "x" : "v\(index - 1)"))\n"
      } else {
        text += "c\(index - 1) = 1.0\n"
      }
    }
    return kind == "chain" ? text : text + "y = c0 + c1\n"
  }

  private static func measureLoad(
    kind: String, size: Int, chainRate: Double?, setup: Result<Spawner, any Error>,
    idle: Result<[String: Double], any Error>
  ) -> CaseResult {
    var line = JSONLine()
    line["workload"] = .string("W9")
    line["fw"] = .string("gradstep")
    line["program"] = .string(kind)
    let label = "W9 load \(kind) \(formatted(Double(size) / 1e6, places: 2)) MB"
    do {
      let spawner = try setup.get()
      let text = program(kind: kind, size: size)
      let bytes = text.utf8.count
      let file = try W8SharedParameters.write(text, "\(kind)_\(size).grad", spawner)
      var samples = [[String: Double]]()
      repeat {
        samples.append(try childReport(spawner, [file]))
      } while samples.count < 3 && samples[0]["seconds"]! < 2
      let seconds = median(samples.map { $0["seconds"]! })
      let peak = median(samples.map { $0["peak_bytes"]! }) - (try idle.get()["peak_bytes"] ?? 0)
      let megabytes = Double(bytes) / 1e6
      let rate = megabytes / seconds
      line["status"] = .string("ok")
      line["runs"] = .int(samples.count)
      line["bytes"] = .int(bytes)
      line["variables"] = .int(Int(samples[0]["variables"] ?? 0))
      line["ms"] = .double(rounded(seconds * 1e3, places: 1))
      line["ms_per_mb"] = .double(rounded(seconds * 1e3 / megabytes, places: 1))
      line["mb_per_s"] = .double(rounded(rate, places: 2))
      line["peak_mb"] = .double(rounded(peak / 1e6, places: 1))
      line["peak_per_source_byte"] = .double(rounded(peak / Double(bytes), places: 1))
      var summary =
        "\(formatted(seconds * 1e3)) ms (\(formatted(rate, places: 2)) MB/s), "
        + "\(formatted(peak / 1e6)) MB (\(formatted(peak / Double(bytes))) bytes per source byte)"
      if let chainRate {
        line["throughput_vs_chain"] = .double(rounded(rate / chainRate, places: 2))
        summary += "; throughput ÷ chain's \(formatted(rate / chainRate, places: 2))×"
      }
      return CaseResult(line: line, label: label, summary: summary)
    } catch {
      line["status"] = .string("failed")
      line["error"] = .string("\(error)")
      return CaseResult(line: line, label: label, summary: "\(error)")
    }
  }

  /// Runs `gradstep --headless` on `lines` lines of `cN = 1.0`; it must exit 2 with `expect` in
  /// its message.
  private static func measureRefusal(lines: Int, expect: String, _ setup: Result<Spawner, any Error>)
    -> CaseResult
  {
    var line = JSONLine()
    line["workload"] = .string("W9")
    line["fw"] = .string("gradstep")
    line["program"] = .string("refused")
    line["lines"] = .int(lines)
    let label = "W9 refuse \(formatted(Double(lines), places: 0)) lines of cN = 1.0"
    do {
      let spawner = try setup.get()
      var text = ""
      text.reserveCapacity(16 * lines)
      for index in 0..<lines { text += "c\(index) = 1.0\n" }
      let file = try W8SharedParameters.write(text, "refused_\(lines).grad", spawner)
      let run = try spawner.runLimited(
        try W6StartUp.gradstepBinary(), ["--headless", file], timeout: 120, memoryCap: 4 << 30)
      guard run.ending == .exited(2), run.run.errorTail.contains(expect) else {
        throw CheckFailure(
          description: "expected exit 2 and \"\(expect)\"; got \(run.description): \(run.run.errorTail)")
      }
      line["status"] = .string("ok")
      line["bytes"] = .int(text.utf8.count)
      line["ms"] = .double(rounded(run.seconds * 1e3, places: 1))
      line["peak_mb"] = .double(rounded(Double(run.peakBytes) / 1e6, places: 1))
      line["message"] = .string(String(run.run.errorTail.prefix(160)))
      return CaseResult(
        line: line, label: label,
        summary:
          "\(formatted(Double(text.utf8.count) / 1e6)) MB refused in \(formatted(run.seconds * 1e3)) ms, "
          + "\(formatted(Double(run.peakBytes) / 1e6)) MB peak: \(expect)")
    } catch {
      line["status"] = .string("failed")
      line["error"] = .string("\(error)")
      return CaseResult(line: line, label: label, summary: "\(error)")
    }
  }

  /// Runs `w9-child` with `arguments` and reads the `key=value` numbers it prints.
  private static func childReport(_ spawner: Spawner, _ arguments: [String]) throws -> [String: Double] {
    let run = try spawner.runChecked(ownExecutable(), ["w9-child"] + arguments)
    var fields = [String: Double]()
    for field in run.output.split(whereSeparator: \.isWhitespace) {
      let parts = field.split(separator: "=", maxSplits: 1)
      if parts.count == 2, let value = Double(parts[1]) { fields[String(parts[0])] = value }
    }
    guard fields["peak_bytes"] != nil, arguments.isEmpty || fields["seconds"] != nil else {
      throw CheckFailure(description: "w9-child printed \(run.output.debugDescription)")
    }
    return fields
  }
}
