#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a program's bytes from a path (a file, a FIFO, `/dev/stdin`) or from standard input, never
/// more than a limit, so an oversized program is refused before it fills memory.
enum ProgramReader {
  /// Why a program could not be read, in words for `cannot open program 'PATH': …`.
  struct Failure: Error {
    let reason: String
  }

  /// What was read, and whether it came from this process's standard input (so that keys must come
  /// from elsewhere).
  struct Contents {
    var bytes: [UInt8]
    var isStandardInput: Bool
  }

  /// The bytes at `path`, or of standard input when `path` is `nil`.
  ///
  /// - Throws: `Failure` for a missing file, a directory, an unreadable file, or more than `limit`
  ///   bytes (a regular file is refused by its size before anything is read).
  static func read(_ path: String?, limit: Int, tooLarge: (Int, Bool) -> String) throws(Failure) -> Contents {
    let descriptor = path.map { open($0, O_RDONLY | O_CLOEXEC) } ?? STDIN_FILENO
    guard descriptor >= 0 else { throw Failure(reason: reason(errno)) }
    defer { if path != nil { close(descriptor) } }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw Failure(reason: reason(errno)) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: "it is a directory") }
    let isRegular = (status.st_mode & S_IFMT) == S_IFREG
    if isRegular && Int(status.st_size) > limit {
      throw Failure(reason: tooLarge(Int(status.st_size), false))
    }
    var bytes = [UInt8]()
    if isRegular { bytes.reserveCapacity(Int(status.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { readSome(descriptor, $0) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw Failure(reason: reason(errno)) }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
      if bytes.count > limit { throw Failure(reason: tooLarge(limit, true)) }
    }
    return Contents(bytes: bytes, isStandardInput: path == nil || isStandardInput(status))
  }

  /// Whether `status` is that of standard input (as `/dev/stdin` or `/proc/self/fd/0` are).
  private static func isStandardInput(_ status: stat) -> Bool {
    var input = stat()
    return fstat(STDIN_FILENO, &input) == 0 && input.st_dev == status.st_dev && input.st_ino == status.st_ino
  }

  private static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case EISDIR: "it is a directory"
    case EACCES: "permission denied"
    default: "it cannot be read (\(String(cString: strerror(code))))"
    }
  }
}

/// One `read(2)` into `buffer`.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
  read(descriptor, buffer.baseAddress, buffer.count)
}
