import Foundation

/// A finished child process: how it ended, how long it took as a whole, and what it wrote.
struct ChildRun {
  /// The exit status, or 128 + N after signal N.
  var status: Int32
  /// Wall-clock seconds from just before `posix_spawn` to just after `waitpid` returned.
  var seconds: Double
  /// Everything the child wrote to standard output.
  var output: String
  /// The last few lines it wrote to standard error.
  var errorTail: String
}

/// Runs whole processes the way the peers time `dot`: the child's standard output and error go to
/// files (read after the clock stops), so the time covers start-up, work, output and exit.
struct Spawner {
  /// A private folder for the output files; removed by `cleanUp()`.
  let folder: URL

  /// A spawner with a new folder under the temporary directory.
  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Removes the folder of output files.
  func cleanUp() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments` and waits for it.
  func run(_ executable: String, _ arguments: [String]) throws -> ChildRun {
    let clock = ContinuousClock()
    let start = clock.now
    let pid = try spawn(executable, arguments)
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
    return finished(waitStatus, seconds: seconds(clock.now - start))
  }

  /// Starts `executable` with standard input from `/dev/null` and its output to this spawner's files.
  func spawn(_ executable: String, _ arguments: [String]) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw CheckFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    return pid
  }

  /// The run of a child that ended with `waitStatus` after `seconds`, with what it wrote.
  func finished(_ waitStatus: Int32, seconds: Double) -> ChildRun {
    let signal = waitStatus & 0x7f
    let status = signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    let tail = errors.split(separator: "\n").suffix(3).joined(separator: " | ")
    return ChildRun(status: status, seconds: seconds, output: output, errorTail: tail)
  }

  private var outPath: String { folder.appendingPathComponent("stdout").path }
  private var errPath: String { folder.appendingPathComponent("stderr").path }

  /// Runs the command and throws unless it exits with status 0.
  func runChecked(_ executable: String, _ arguments: [String]) throws -> ChildRun {
    let run = try run(executable, arguments)
    guard run.status == 0 else {
      throw CheckFailure(
        description: "\(([executable] + arguments).joined(separator: " ")) exited with \(run.status)"
          + (run.errorTail.isEmpty ? "" : ": \(run.errorTail)"))
    }
    return run
  }
}

/// Whether `name` is an executable on `PATH` (or an executable path).
func isOnPath(_ name: String) -> Bool {
  if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) }
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  return path.split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
  }
}

/// The path of this executable.
func ownExecutable() -> String {
  URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
}
