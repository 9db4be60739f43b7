import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mistake in how gradstep was called: the message goes to standard error and the exit code is 2.
struct UsageError: Error, CustomStringConvertible {
  let message: String
  /// Whether `message` is already a complete diagnostic (`file:3:9: error: …`) to print as it is.
  var isRendered = false
  var description: String { message }
}

/// An error that ends gradstep with `gradstep: error: message` and exit code 2.
func usageError(_ message: String) -> UsageError { UsageError(message: message) }

extension GradStepCommand {
  /// Runs the command; every usage error (ours or the argument parser's) exits with code 2.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as UsageError {
      let text = error.isRendered ? error.message : "gradstep: error: \(error.message)"
      exitWithUsageError(text)
    } catch {
      let code = exitCode(for: error)
      guard code == .validationFailure else { exit(withError: error) }
      exitWithUsageError(fullMessage(for: error))
    }
  }
}

/// Writes `text` and a line end (unless it has one) to standard error and exits with status 2.
private func exitWithUsageError(_ text: String) -> Never {
  var bytes = Array(text.utf8)
  if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
  var written = 0
  while written < bytes.count {
    let count = bytes[written...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    guard count > 0 else { break }
    written += count
  }
  exit(2)
}
