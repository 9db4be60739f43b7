import Foundation

/// The `gradstep` executable under test: `$GRADSTEP_BIN` if set, else `.build/debug/gradstep` in
/// this package (built by `swift build`).
enum GradStepBinary {
  /// The path of the executable.
  static let path: String = {
    if let path = ProcessInfo.processInfo.environment["GRADSTEP_BIN"], !path.isEmpty { return path }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // TerminalUITests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // the package
      .appendingPathComponent(".build/debug/gradstep").path
  }()

  /// Whether the executable exists and has a headless mode that prints a frame of the size
  /// asked for; the end-to-end tests need it.
  static let isReady: Bool = {
    guard FileManager.default.isExecutableFile(atPath: path),
      let frame = try? headless(keys: "", columns: 20, rows: 8), frame.status == .exited(0)
    else { return false }
    return frame.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
      .prefix(8).count == 8
  }()

  /// Runs `gradstep ARGUMENTS --headless --size COLUMNSxROWS --keys KEYS` without a terminal.
  static func headless(keys: String, arguments: [String] = [], columns: Int = 100, rows: Int = 30) throws
    -> ProcessResult
  {
    try ChildProcess.run(
      [path] + arguments + ["--headless", "--size", "\(columns)x\(rows)", "--keys", keys],
      timeout: .seconds(30))
  }
}
