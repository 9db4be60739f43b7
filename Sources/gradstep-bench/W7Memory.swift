import Autodiff
import Foundation

/// W7 "memory": the peak resident memory of the W2 chain of 1,000,000 functions (forward and
/// backward), per function. Each measurement runs in a child process (`gradstep-bench w7-child`) so
/// that nothing else of the bench counts; the peak of an idle child is subtracted.
enum W7Memory {
  /// What a child reports: its peak resident bytes and, unless idle, the chain's gradient.
  struct ChildReport {
    var peakBytes: Int
    var grad: Double?
  }

  /// The child's work, with the arguments after `w7-child`: `--idle` (only read the peak),
  /// `--n N`, `--no-retain-grad`. Prints `peak_bytes=… grad=…` and returns the exit status.
  static func child(_ arguments: [String]) -> Int32 {
    var n = 1_000_000
    var retainGrad = true
    var idle = false
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--idle": idle = true
      case "--no-retain-grad": retainGrad = false
      case "--n":
        guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { return 2 }
        n = value
      default: return 2
      }
    }
    var grad = Double.nan
    if !idle {
      let (x, y) = W2DeepChain.chain(n)
      y.backward(retainGrad: retainGrad)
      grad = x.grad?.scalar ?? .nan
      withExtendedLifetime(y) {}
    }
    guard let peak = peakResidentBytes() else { return 1 }
    print("peak_bytes=\(peak)" + (idle ? "" : " grad=\(grad)"))
    return 0
  }

  /// Measures the chain of `n` functions with and without retained intermediate gradients.
  static func run(n: Int, report: Report) {
    let idle = Result { try spawnChild(["--idle"]) }
    for retainGrad in [true, false] {
      var line = JSONLine()
      line["workload"] = .string("W7")
      line["fw"] = .string("gradstep")
      line["n"] = .int(n)
      line["retain_grad"] = .bool(retainGrad)
      let label = "W7 peak memory N=\(formatted(Double(n), places: 0)) retainGrad=\(retainGrad)"
      do {
        let baseline = try idle.get()
        let chain = try spawnChild(["--n", String(n)] + (retainGrad ? [] : ["--no-retain-grad"]))
        guard let grad = chain.grad, abs(grad - 1) <= 1e-12 else {
          throw CheckFailure(description: "x.grad = \(chain.grad ?? .nan), expected 1.0 within 1e-12")
        }
        let perFunction = Double(chain.peakBytes - baseline.peakBytes) / Double(n)
        line["status"] = .string("ok")
        line["runs"] = .int(1)
        line["grad"] = .double(grad)
        line["peak_bytes"] = .int(chain.peakBytes)
        line["baseline_bytes"] = .int(baseline.peakBytes)
        line["bytes_per_function"] = .double(rounded(perFunction, places: 1))
        report.add(
          CaseResult(line: line, label: label, summary: "\(formatted(perFunction)) bytes per function"))
      } catch {
        line["status"] = .string("failed")
        line["error"] = .string("\(error)")
        report.add(CaseResult(line: line, label: label, summary: "\(error)"))
      }
    }
  }

  /// Runs this executable as `w7-child` with `arguments` and parses what it prints.
  private static func spawnChild(_ arguments: [String]) throws -> ChildReport {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["w7-child"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var fields = [String: String]()
    for field in output.split(whereSeparator: \.isWhitespace) {
      let parts = field.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
    }
    guard process.terminationStatus == 0, let peak = fields["peak_bytes"].flatMap({ Int($0) }) else {
      throw CheckFailure(
        description: "w7-child \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)"
          + " and printed \(output.debugDescription)")
    }
    return ChildReport(peakBytes: peak, grad: fields["grad"].flatMap { Double($0) })
  }
}
