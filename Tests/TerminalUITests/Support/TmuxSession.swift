import Foundation

/// A program running in its own detached tmux server, for end-to-end tests of the real
/// terminal: send keys, read the screen, resize, and learn the exit status.
///
/// Follows the traps recorded in DESIGN.md: tmux is started with `posix_spawn` and a reset
/// signal mask (``ChildProcess``), under `setsid`, with a unique `-S` socket that is removed
/// afterwards; the program runs inside
/// `sh -c 'trap : INT; "$0" "$@"; echo "[[exit:$?]]"; exec sleep 86400'`, so its exit status
/// (and its last output) stay on the screen after it ends.
final class TmuxSession {
  /// The tmux server's socket.
  let socket: String

  /// Starts `command` (program and arguments) in a `columns` × `rows` window, with
  /// `environment` added to the pane's environment (`LANG=C.UTF-8` unless overridden).
  init(
    _ command: [String], columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]
  ) throws {
    socket = "/tmp/gradstep-tmux-\(getpid())-\(UUID().uuidString.prefix(8)).sock"
    let wrapper = #"trap : INT; "$0" "$@"; echo "[[exit:$?]]"; exec sleep 86400"#
    let paneEnvironment = ["LANG": "C.UTF-8"].merging(environment) { $1 }
    let settings = paneEnvironment.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] }
    try tmux(
      ["new-session", "-d", "-x", String(columns), "-y", String(rows)] + settings
        + ["sh", "-c", wrapper] + command,
      prefix: ["setsid"])
  }

  deinit {
    kill()
  }

  /// Sends keys by their tmux names (`"Left"`, `"C-c"`, `"Enter"`); other strings are typed
  /// as they are.
  func sendKeys(_ keys: String...) throws {
    try tmux(["send-keys"] + keys)
  }

  /// Types `text` literally, without tmux looking up key names in it.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-l", text])
  }

  /// Sends raw bytes to the program (for example a mouse report).
  func sendBytes(_ bytes: [UInt8]) throws {
    try tmux(["send-keys", "-H"] + bytes.map { String($0, radix: 16) })
  }

  /// The screen as text, one line per row (trailing spaces trimmed by tmux); with `colors`,
  /// including the escape sequences for colours and attributes.
  func capture(colors: Bool = false) throws -> String {
    try tmux(["capture-pane", "-p"] + (colors ? ["-e"] : []))
  }

  /// Polls the screen until `text` appears on it, and returns the screen.
  @discardableResult
  func waitFor(text: String, timeout: Duration = .seconds(10)) throws -> String {
    try waitUntil("\"\(text)\" to appear", timeout: timeout) { $0.contains(text) }
  }

  /// Polls the screen until `condition` holds for it, and returns the screen; throws, showing
  /// the last screen, when `timeout` passes first.
  @discardableResult
  func waitUntil(
    _ what: String, timeout: Duration = .seconds(10), colors: Bool = false,
    _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = ContinuousClock.now + timeout
    while true {
      let screen = try capture(colors: colors)
      if condition(screen) { return screen }
      guard ContinuousClock.now < deadline else {
        throw HarnessError(description: "timed out after \(timeout) waiting for \(what); screen:\n\(screen)")
      }
      usleep(20_000)
    }
  }

  /// Resizes the window (and so the pane) to `columns` × `rows`; the program gets SIGWINCH.
  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-x", String(columns), "-y", String(rows)])
  }

  /// Waits for the program to end and returns its exit status (128 + n for signal n).
  func exitStatus(timeout: Duration = .seconds(10)) throws -> Int32 {
    let screen = try waitUntil("the program to exit", timeout: timeout) { $0.contains("[[exit:") }
    let marker = screen.components(separatedBy: "[[exit:").last!
    guard let status = Int32(marker.prefix { $0.isNumber }) else {
      throw HarnessError(description: "unreadable exit marker on screen:\n\(screen)")
    }
    return status
  }

  /// Expands a tmux format such as `#{alternate_on}` or `#{cursor_flag}` for the pane: the way
  /// to check which terminal modes the program left on.
  func query(_ format: String) throws -> String {
    try tmux(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The process id of the program (the child of the wrapper shell), once it has started.
  func programPID() throws -> pid_t {
    let shell = try query("#{pane_pid}")
    let children = try ChildProcess.run(["pgrep", "-P", shell]).standardOutput
    guard let pid = children.split(separator: "\n").first.flatMap({ pid_t($0) }) else {
      throw HarnessError(description: "no program running under the pane's shell \(shell)")
    }
    return pid
  }

  /// Stops the tmux server and removes its socket. Safe to call more than once.
  func kill() {
    _ = try? tmux(["kill-server"])
    unlink(socket)
  }

  /// Runs one tmux command against this session's server and returns its standard output.
  @discardableResult
  private func tmux(_ arguments: [String], prefix: [String] = []) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil
    environment["NO_COLOR"] = nil
    let command = prefix + ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
    let result = try ChildProcess.run(command, environment: environment, timeout: .seconds(10))
    guard result.status == .exited(0) else {
      throw HarnessError(
        description: "\(command.joined(separator: " ")) failed (\(result.status)): \(result.standardError)")
    }
    return result.standardOutput
  }
}
