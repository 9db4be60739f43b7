import ArgumentParser
import Foundation

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
      FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
      Foundation.exit(2)
    } catch {
      let code = exitCode(for: error)
      guard code == .validationFailure else { exit(withError: error) }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
  }
}
