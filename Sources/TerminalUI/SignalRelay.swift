import CNcursesw
import Glibc

/// Swift side of the C signal relay in `shim.h`: SIGINT, SIGTERM, SIGHUP and SIGWINCH arrive as
/// bytes on a pipe the input loop polls, and crashes restore the terminal before they proceed.
final class SignalRelay {
  /// The end of the self-pipe to poll; a byte on it is a signal number.
  let readDescriptor: Int32
  private let writeDescriptor: Int32

  /// Unblocks the relayed signals and saves the tty settings of `keyboard` and the handlers;
  /// call before `newterm`.
  static func prepare(keyboard: Int32) throws(TerminalError) {
    guard gs_signals_prepare(keyboard) == 0 else { throw TerminalError("out of memory") }
  }

  /// Installs the handlers (call after `newterm`, which installs its own); `resetSequence` is
  /// written to the terminal if it must be restored from inside a handler.
  init(resetSequence: String) throws(TerminalError) {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else {
      throw TerminalError("cannot create the signal pipe: \(String(cString: strerror(errno)))")
    }
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    readDescriptor = descriptors[0]
    writeDescriptor = descriptors[1]
    gs_signals_install(writeDescriptor, resetSequence)
  }

  /// The signals relayed since the last call, oldest first.
  func receivedSignals() -> [Int32] {
    var signals: [Int32] = []
    var byte: UInt8 = 0
    while read(readDescriptor, &byte, 1) == 1 {
      signals.append(Int32(byte))
    }
    return signals
  }

  /// Puts back the handlers that were there before ``prepare()`` and closes the pipe.
  func stop() {
    gs_signals_restore()
    close(readDescriptor)
    close(writeDescriptor)
  }
}
