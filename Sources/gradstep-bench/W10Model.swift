import Foundation

/// W10 "your PyTorch model": the whole process `gradstep MODEL.onnx --headless --keys b` on an MLP
/// 784→1024→10 (≈0.8 M parameters, exported by `Scripts/w10_torch.py --export`), from start (no
/// `--set`: the input is filled) to the frame of the last step; its time (median of `runs` after a
/// warm-up) and peak resident memory (the child's own, as `runLimited` measures it: not the
/// bench's, which `ru_maxrss` alone would count). compare.py puts it beside a Python process that
/// imports torch, builds the same model and runs forward and backward once.
enum W10Model {
  /// `$GRADSTEP_W10_MODEL`, else `.build/bench-w10/mlp_784_1024_10.onnx` in the repository.
  static var modelPath: String {
    ProcessInfo.processInfo.environment["GRADSTEP_W10_MODEL"]
      ?? GraphFiles.repositoryRoot.appendingPathComponent(".build/bench-w10/mlp_784_1024_10.onnx").path
  }

  /// Measures the model's whole process `runs` times.
  static func run(runs: Int, report: Report) {
    var line = JSONLine()
    line["workload"] = .string("W10")
    line["fw"] = .string("gradstep")
    let label = "W10 gradstep mlp_784_1024_10.onnx --headless --keys b"
    let path = modelPath
    guard FileManager.default.fileExists(atPath: path) else {
      line["status"] = .string("unavailable")
      line["error"] = .string(
        "no model at \(path); export it with Sources/gradstep-bench/Scripts/w10_torch.py --export PATH (needs torch)"
      )
      report.add(CaseResult(line: line, label: label, summary: "unavailable: no exported model"))
      return
    }
    do {
      let spawner = try Spawner()
      defer { spawner.cleanUp() }
      let binary = try W6StartUp.gradstepBinary()
      var times = [Double]()
      var peak = 0
      for round in 0...runs {
        let limited = try spawner.runLimited(
          binary, [path, "--headless", "--size", "120x40", "--keys", "b"], timeout: 120, memoryCap: 3 << 30)
        let run = limited.run
        guard limited.ending == .exited(0), run.output.contains("· done") else {
          throw CheckFailure(
            description:
              "gradstep: \(limited.description), printed \(run.output.prefix(200).debugDescription) \(run.errorTail)"
          )
        }
        if round > 0 {
          times.append(run.seconds)
          peak = max(peak, limited.peakBytes)
        }
      }
      line["status"] = .string("ok")
      line["runs"] = .int(times.count)
      line["ms"] = .double(rounded(median(times) * 1e3, places: 1))
      line["min_ms"] = .double(rounded((times.min() ?? .nan) * 1e3, places: 1))
      line["peak_bytes"] = .int(peak)
      line["file_bytes"] = .int((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
      report.add(
        CaseResult(
          line: line, label: label,
          summary: "\(formatted(median(times) * 1e3)) ms, peak \(formatted(Double(peak) / 1e6)) MB"))
    } catch {
      line["status"] = .string("failed")
      line["error"] = .string("\(error)")
      report.add(CaseResult(line: line, label: label, summary: "\(error)"))
    }
  }
}
