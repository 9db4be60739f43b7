import Foundation

/// W6 "start-up": the whole process `gradstep --headless` (the seed, one 80×24 frame printed), next
/// to `dot -Tplain graphs/chain_10.dot`, both started with `posix_spawn` and waited for. One
/// untimed warm-up each, then `runs` rounds of gradstep then dot, alternating so that the VM's
/// noise hits both alike; the median of each.
enum W6StartUp {
  /// Measures both commands.
  static func run(runs: Int, report: Report) {
    var ours = JSONLine()
    ours["workload"] = .string("W6")
    ours["fw"] = .string("gradstep")
    var dot = JSONLine()
    dot["workload"] = .string("W6")
    dot["fw"] = .string("dot")
    let ourLabel = "W6 start-up gradstep --headless"
    let dotLabel = "W6 start-up dot -Tplain chain_10.dot"
    do {
      let spawner = try Spawner()
      defer { spawner.cleanUp() }
      let binary = try gradstepBinary()
      let dotFile = isOnPath("dot") ? try GraphFiles().verified("chain_10.dot") : nil
      var ourTimes = [Double]()
      var dotTimes = [Double]()
      for round in 0...runs {
        let run = try spawner.runChecked(binary, ["--headless"])
        guard run.output.contains("step 0/7") else {
          throw CheckFailure(
            description: "gradstep --headless printed no \"step 0/7\": \(run.output.prefix(200))")
        }
        if round > 0 { ourTimes.append(run.seconds) }
        guard let dotFile else { continue }
        let dotRun = try spawner.runChecked("dot", ["-Tplain", dotFile])
        guard dotRun.output.hasPrefix("graph "), dotRun.output.contains("stop") else {
          throw CheckFailure(description: "dot printed \(dotRun.output.prefix(200).debugDescription)")
        }
        if round > 0 { dotTimes.append(dotRun.seconds) }
      }
      ours["binary"] = .string(binary)
      report.add(result(ours, label: ourLabel, times: ourTimes))
      if dotFile == nil {
        dot["status"] = .string("unavailable")
        dot["error"] = .string("dot is not on PATH (apt-get install graphviz)")
        report.add(CaseResult(line: dot, label: dotLabel, summary: "unavailable: no dot on PATH"))
      } else {
        report.add(result(dot, label: dotLabel, times: dotTimes))
      }
    } catch {
      for (var line, label) in [(ours, ourLabel), (dot, dotLabel)] {
        line["status"] = .string("failed")
        line["error"] = .string("\(error)")
        report.add(CaseResult(line: line, label: label, summary: "\(error)"))
      }
    }
  }

  private static func result(_ base: JSONLine, label: String, times: [Double]) -> CaseResult {
    var line = base
    line["status"] = .string("ok")
    line["runs"] = .int(times.count)
    line["ms"] = .double(rounded(median(times) * 1e3, places: 2))
    line["min_ms"] = .double(rounded((times.min() ?? .nan) * 1e3, places: 2))
    return CaseResult(
      line: line, label: label,
      summary:
        "\(formatted(median(times) * 1e3, places: 2)) ms (min \(formatted((times.min() ?? .nan) * 1e3, places: 2)) ms)"
    )
  }

  /// `$GRADSTEP_BIN`, else `gradstep` next to this executable (`.build/release/gradstep`). Throws
  /// when it is missing, or older than a source file it is built from (a stale build).
  static func gradstepBinary() throws -> String {
    let path =
      ProcessInfo.processInfo.environment["GRADSTEP_BIN"]
      ?? URL(fileURLWithPath: ownExecutable()).deletingLastPathComponent().appendingPathComponent("gradstep")
      .path
    let build = "build it with: swift build -c release --product gradstep"
    guard FileManager.default.isExecutableFile(atPath: path),
      let built = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    else { throw CheckFailure(description: "no gradstep binary at \(path); \(build)") }
    let sources = GraphFiles.repositoryRoot.appendingPathComponent("Sources")
    let modules = [
      "gradstep", "Visualizer", "GraphLayout", "GraphProgram", "ModelImport", "Stepping", "Autodiff",
      "TerminalUI",
    ]
    for module in modules {
      let folder = sources.appendingPathComponent(module)
      let files = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
      while let file = files?.nextObject() as? URL {
        if let changed = try? file.resourceValues(forKeys: [.contentModificationDateKey])
          .contentModificationDate,
          changed > built
        {
          throw CheckFailure(description: "\(path) is older than \(file.path); \(build)")
        }
      }
    }
    return path
  }
}
