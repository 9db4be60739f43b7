import Foundation

/// A child run under a time limit and a memory cap, and how it ended.
struct LimitedRun {
  /// How the child ended.
  enum Ending: Equatable {
    /// It exited (status) or was killed by a signal (128 + N) on its own.
    case exited(Int32)
    /// Still running at the time limit: killed.
    case timedOut
    /// Its resident memory passed the cap: killed.
    case memoryCapped
  }

  var ending: Ending
  /// Wall-clock seconds from the spawn to the end (to the kill, for a child that was stopped).
  var seconds: Double
  /// The child's peak resident memory, in bytes. `ru_maxrss` from `wait4` when it is above this
  /// process's own peak at the spawn, and then exactly the child's; otherwise the last `VmHWM` read
  /// from `/proc/PID/status` before it ended (polled every 1–5 ms). `ru_maxrss` alone is not the
  /// child's: glibc's `posix_spawn` runs the child in this process's address space until `exec`,
  /// and `exec` counts that address space's peak as the child's (a W10 run once reported 260 MB for
  /// a process that peaked at 55 MB, after W2 had built a million-function chain in the bench).
  var peakBytes: Int
  /// What it printed, and the tail of its standard error.
  var run: ChildRun

  /// The ending in words for the table: `ok`, `exit 2`, `signal 11 (SIGSEGV)`, `timed out`, `memory cap`.
  var description: String {
    switch ending {
    case .exited(0): "ok"
    case .exited(let status) where status > 128: "killed by signal \(status - 128)\(signalName(status - 128))"
    case .exited(let status): "exit \(status)"
    case .timedOut: "timed out"
    case .memoryCapped: "memory cap"
    }
  }

  private func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
      SIGKILL: "SIGKILL", SIGBUS: "SIGBUS",
    ]
    return names[signal].map { " (\($0))" } ?? ""
  }
}

extension Spawner {
  /// Runs `executable` with `arguments`, killing it (SIGKILL) once it has run `timeout` seconds or its
  /// resident memory (`VmRSS`, polled every millisecond at first, then every 5 ms) passes
  /// `memoryCap` bytes; so no child can hang the bench or exhaust the machine. This process's own
  /// peak is reset first (`resetPeakResidentBytes`), so that `ru_maxrss` usually gives the child's
  /// exact peak (see `LimitedRun.peakBytes`).
  func runLimited(_ executable: String, _ arguments: [String], timeout: Double, memoryCap: Int) throws
    -> LimitedRun
  {
    resetPeakResidentBytes()
    let clock = ContinuousClock()
    let start = clock.now
    let pid = try spawn(executable, arguments)
    let ownPeak = peakResidentBytes() ?? Int.max
    var waitStatus: Int32 = 0
    var usage = rusage()
    var ending: LimitedRun.Ending?
    var peak = 0
    while true {
      let done = wait4(pid, &waitStatus, WNOHANG, &usage)
      if done == pid { break }
      if done < 0 && errno != EINTR {
        throw CheckFailure(description: "waitpid: \(String(cString: strerror(errno)))")
      }
      let elapsed = seconds(clock.now - start)
      let memory = memoryBytes(of: pid)
      if let high = memory.peak { peak = max(peak, high) }
      if ending == nil {
        if elapsed > timeout {
          ending = .timedOut
        } else if let resident = memory.resident, resident > memoryCap {
          ending = .memoryCapped
        }
        if ending != nil { kill(pid, SIGKILL) }
      }
      usleep(elapsed < 0.2 ? 1_000 : 5_000)
    }
    let run = finished(waitStatus, seconds: seconds(clock.now - start))
    let reported = Int(usage.ru_maxrss) * 1024
    return LimitedRun(
      ending: ending ?? .exited(run.status), seconds: run.seconds,
      peakBytes: reported > ownPeak ? reported : peak, run: run)
  }
}

/// The resident memory of process `pid` now and its peak so far (`VmRSS`, `VmHWM` in
/// `/proc/PID/status`), in bytes; `nil` when unknown. (glibc's `posix_spawn` returns after the
/// child's `exec`, so these are always the child's own figures.)
private func memoryBytes(of pid: pid_t) -> (resident: Int?, peak: Int?) {
  guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
    return (nil, nil)
  }
  func kilobytes(_ field: String) -> Int? {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return nil }
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    return fields.count >= 3 ? Int(fields[1]).map { $0 * 1024 } : nil
  }
  return (kilobytes("VmRSS:"), kilobytes("VmHWM:"))
}
