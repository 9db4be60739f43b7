import Foundation

/// The peak resident set size of this process so far (`VmHWM` in `/proc/self/status`), in bytes;
/// `nil` where that file or field does not exist.
func peakResidentBytes() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    guard fields.count >= 3, fields[2] == "kB", let kilobytes = Int(fields[1]) else { return nil }
    return kilobytes * 1024
  }
  return nil
}

/// Resets this process's peak resident set size (`VmHWM`) to its current size, by writing `5` to
/// `/proc/self/clear_refs` (Linux 4.0 and later); does nothing where that fails.
func resetPeakResidentBytes() {
  let descriptor = open("/proc/self/clear_refs", O_WRONLY)
  guard descriptor >= 0 else { return }
  _ = write(descriptor, "5", 1)
  close(descriptor)
}
