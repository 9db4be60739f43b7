import Foundation

/// How a child process ended.
enum ExitStatus: Hashable, CustomStringConvertible {
  /// It called `exit` with this status.
  case exited(Int32)
  /// A signal killed it.
  case signaled(Int32)

  var description: String {
    switch self {
    case .exited(let status): "exit status \(status)"
    case .signaled(let signal): "killed by signal \(signal)"
    }
  }
}

/// What a command without a terminal printed, and how it ended.
struct ProcessResult {
  var status: ExitStatus
  var standardOutput: String
  var standardError: String
}

/// A failure of the test harness itself (not of the program under test).
struct HarnessError: Error, CustomStringConvertible {
  var description: String
}

/// Starts commands with `posix_spawn`, never `Foundation.Process`: a tmux server started by
/// `Process` inherits its exit-detection pipe and `waitUntilExit()` never returns. Output goes
/// to temporary files, not pipes, so a daemon that inherits them cannot block the reader.
enum ChildProcess {
  /// Runs `arguments` (the first is looked up in `PATH`) with standard input from `/dev/null`,
  /// waits for it (killing it after `timeout`) and returns what it printed.
  ///
  /// The child gets an empty signal mask and default signal handlers whatever the calling
  /// thread has: Swift Testing runs tests on threads that block signals, and a spawned process
  /// inherits the mask.
  static func run(
    _ arguments: [String], environment: [String: String]? = nil, timeout: Duration = .seconds(60)
  ) throws -> ProcessResult {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gradstep-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outputPath = directory.appendingPathComponent("stdout").path
    let errorPath = directory.appendingPathComponent("stderr").path
    let pid = try spawn(
      arguments, environment: environment ?? ProcessInfo.processInfo.environment,
      standardOutput: outputPath, standardError: errorPath)
    let status = try wait(for: pid, timeout: timeout, command: arguments)
    return ProcessResult(
      status: status,
      standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
      standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
  }

  /// Starts the child and returns its process id.
  private static func spawn(
    _ arguments: [String], environment: [String: String], standardOutput: String,
    standardError: String
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var everySignal = sigset_t()
    sigfillset(&everySignal)
    sigdelset(&everySignal, SIGKILL)
    sigdelset(&everySignal, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &everySignal)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let error = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard error == 0 else {
      throw HarnessError(description: "cannot start \(arguments[0]): \(String(cString: strerror(error)))")
    }
    return pid
  }

  /// Waits for `pid` to end, killing it once `timeout` has passed.
  private static func wait(for pid: pid_t, timeout: Duration, command: [String]) throws -> ExitStatus {
    let deadline = ContinuousClock.now + timeout
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      if ContinuousClock.now >= deadline {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        throw HarnessError(description: "\(command.joined(separator: " ")) still running after \(timeout)")
      }
      usleep(5_000)
    }
    // The <sys/wait.h> macros do not import: the low 7 bits are the signal, 0 for a normal exit.
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
  }
}
