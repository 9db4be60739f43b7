import CNcursesw
import Glibc

/// Where keys are read from: standard input, or the controlling terminal (`/dev/tty`) when
/// standard input carries something else, such as a program read from a pipe.
struct KeyboardInput {
  /// The descriptor to poll and read.
  let descriptor: Int32
  /// The same descriptor as a C stream, for `newterm`.
  let stream: UnsafeMutablePointer<FILE>
  /// Whether ``close()`` has a stream of its own to close.
  private let ownsStream: Bool

  /// Standard input, or the terminal device when `fromTerminalDevice` is set.
  ///
  /// - Throws: ``TerminalError`` when the terminal device cannot be opened.
  static func open(fromTerminalDevice: Bool) throws(TerminalError) -> KeyboardInput {
    guard fromTerminalDevice else {
      return KeyboardInput(descriptor: STDIN_FILENO, stream: gs_stdin(), ownsStream: false)
    }
    let descriptor = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw .unusable("there is no terminal to read keys from (/dev/tty: \(reason))")
    }
    guard let stream = fdopen(descriptor, "r") else {
      Glibc.close(descriptor)
      throw .unusable("cannot read keys from /dev/tty")
    }
    return KeyboardInput(descriptor: descriptor, stream: stream, ownsStream: true)
  }

  /// Closes the terminal device, if it was opened here.
  func close() {
    if ownsStream { fclose(stream) }
  }
}
