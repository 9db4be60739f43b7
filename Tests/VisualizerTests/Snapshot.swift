import Foundation
import Testing

/// Compares `text` with the file `__Snapshots__/<name>.txt` next to this file, line by line.
///
/// Set `RECORD_SNAPSHOTS=1` to (re)write the files instead; then read the diff in git before
/// committing. A mismatch reports the first differing lines with their line numbers.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__").appendingPathComponent(name + ".txt")
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: url)
    return
  }
  guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(url.lastPathComponent); run with RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  guard recorded != text else { return }
  let expected = recorded.components(separatedBy: "\n")
  let actual = text.components(separatedBy: "\n")
  var report = ["snapshot \(name) differs (RECORD_SNAPSHOTS=1 re-records it):"]
  for line in 0..<max(expected.count, actual.count) {
    let old = line < expected.count ? expected[line] : "<missing>"
    let new = line < actual.count ? actual[line] : "<missing>"
    guard old != new else { continue }
    report.append("line \(line + 1):\n  - \(old)\n  + \(new)")
    if report.count > 8 { break }
  }
  Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}
