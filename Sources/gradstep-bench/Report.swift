import Foundation

/// One finished case: its JSON line and a short label and summary for the readable table.
struct CaseResult {
  /// The peers-format line.
  var line: JSONLine
  /// What was measured, for the table: `W2 chain N=100,000`.
  var label: String
  /// The headline numbers, for the table: `12.3 / 45.6 ms`.
  var summary: String

  /// Whether the case failed (a wrong result or a crash in a child process).
  var failed: Bool {
    if case .string("failed")? = line["status"] { return true }
    return false
  }
}

/// Prints each case's JSON line as soon as it is known, and the readable table at the end.
final class Report {
  private let jsonOnly: Bool
  private var results: [CaseResult] = []

  /// A report that prints the table at the end unless `jsonOnly`.
  init(jsonOnly: Bool) {
    self.jsonOnly = jsonOnly
  }

  /// Whether any case failed.
  var hasFailures: Bool { results.contains(where: \.failed) }

  /// Prints `result`'s line on stdout (and a loud message on stderr when it failed).
  func add(_ result: CaseResult) {
    results.append(result)
    FileHandle.standardOutput.write(Data((result.line.json + "\n").utf8))
    if result.failed {
      let error = result.line["error"]?.text ?? "?"
      FileHandle.standardError.write(Data("FAILED: \(result.label): \(error)\n".utf8))
    }
  }

  /// Prints the table of every case, unless the report is JSON only.
  func finish() {
    guard !jsonOnly, !results.isEmpty else { return }
    let width = results.map(\.label.count).max() ?? 0
    print("")
    for result in results {
      let status = result.line["status"]?.text ?? "?"
      let runs = result.line["runs"].map { " (\($0.text) runs)" } ?? ""
      let label = result.label.padding(toLength: width, withPad: " ", startingAt: 0)
      print("\(label)  \(status == "ok" ? "" : status.uppercased() + "  ")\(result.summary)\(runs)")
    }
  }
}

/// Formats `value` with thousands separators and `places` decimals: `12,345.6`.
func formatted(_ value: Double, places: Int = 1) -> String {
  let text = String(format: "%.\(places)f", value)
  let parts = text.split(separator: ".", maxSplits: 1)
  let digits = Array(parts[0].drop { $0 == "-" })
  var grouped = ""
  for (position, digit) in digits.enumerated() {
    if position > 0 && (digits.count - position).isMultiple(of: 3) { grouped += "," }
    grouped.append(digit)
  }
  let sign = text.hasPrefix("-") ? "-" : ""
  return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
}
