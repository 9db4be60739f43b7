#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `--export` writes, and how, so that nothing is lost and every failure is said:
/// - a new path, or an existing regular file (through any symbolic links), gets a new file beside
///   it, renamed over it once complete, so a failure never leaves a partial file; a file that was
///   there keeps its mode and, where permitted, its owner and group; one its user may not write
///   (or with no write permission at all, which root would ignore) is refused;
/// - a regular file with other hard links is rewritten in place, so every name sees the new
///   content (renaming would leave the other names on the old file): its space is reserved first
///   (`posix_fallocate`), so a full disk fails before anything changes;
/// - anything else that exists (a device, a FIFO, a socket) is opened and written through, never
///   renamed over; `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` are written to the descriptor the
///   process already has, so a shell's `>>` appends;
/// - a directory is refused, and a write that fails (`ENOSPC`) is an error with the reason.
struct ExportFile {
  /// Writes bytes to a file descriptor, as `write(2)`: the count written, or `-errno`. Tests put a
  /// full disk here.
  var write: (Int32, UnsafeRawBufferPointer) -> Int = systemWrite

  /// Writes `text` to `path`, or to standard output for `nil` or `-`.
  func write(_ text: String, to path: String?) throws(UsageError) {
    let bytes = Array(text.utf8)
    guard let path, path != "-" else {
      if let reason = writeAll(bytes, to: STDOUT_FILENO) {
        throw usageError("cannot write to standard output: \(reason)")
      }
      return
    }
    if let descriptor = Self.ownDescriptor(path) {
      // As the shell opened it (`>` or `>>`): reopening or renaming would truncate or replace.
      if let reason = writeAll(bytes, to: descriptor) {
        throw usageError("cannot write '\(path)': \(reason)")
      }
      return
    }
    var info = stat()
    if stat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG where info.st_nlink > 1: try rewriteInPlace(path, bytes)
      case S_IFREG: try replace(resolved(path), keeping: info, with: bytes, named: path)
      case S_IFDIR: throw usageError("cannot write '\(path)': it is a directory")
      default: try writeThrough(path, bytes)
      }
    } else if errno == ENOENT {
      try replace(resolved(path), keeping: nil, with: bytes, named: path)
    } else {
      throw usageError("cannot write '\(path)': \(Self.reason(errno))")
    }
  }

  /// Opens `path` (a device, FIFO or socket) and writes `bytes` to it.
  private func writeThrough(_ path: String, _ bytes: [UInt8]) throws(UsageError) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw usageError("cannot write '\(path)': \(Self.reason(errno))") }
    let failure = writeAll(bytes, to: descriptor)
    let closed = close(descriptor) == 0 ? nil : Self.reason(errno)
    if let reason = failure ?? closed { throw usageError("cannot write '\(path)': \(reason)") }
  }

  /// Rewrites the regular file at `path` (which has other hard links) with `bytes`: reserves their
  /// space, writes them from the start and cuts the file to their length.
  private func rewriteInPlace(_ path: String, _ bytes: [UInt8]) throws(UsageError) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw usageError("cannot write '\(path)': \(Self.reason(errno))") }
    let reserved = bytes.isEmpty ? 0 : posix_fallocate(descriptor, 0, off_t(bytes.count))
    if reserved != 0 && reserved != EOPNOTSUPP && reserved != EINVAL {
      close(descriptor)
      throw usageError("cannot write '\(path)': \(Self.reason(reserved))")
    }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, ftruncate(descriptor, off_t(bytes.count)) != 0 { failure = Self.reason(errno) }
    if close(descriptor) != 0, failure == nil { failure = Self.reason(errno) }
    if let failure {
      throw usageError(
        "cannot write '\(path)': \(failure) (it has other hard links, so it was written in place and is incomplete)"
      )
    }
  }

  /// Writes `bytes` to a new file beside `target` and renames it over `target`; `existing` is the
  /// file there, whose mode, owner and group the new one takes. `name` is the path as given.
  private func replace(_ target: String, keeping existing: stat?, with bytes: [UInt8], named name: String)
    throws(UsageError)
  {
    if let existing, access(target, W_OK) != 0 || existing.st_mode & 0o222 == 0 {
      let reason = access(target, W_OK) != 0 ? Self.reason(errno) : "it is read-only"
      throw usageError("cannot write '\(name)': \(reason)")
    }
    let temporary = target + ".gradstep-\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing == nil ? 0o666 : 0o600)
    guard descriptor >= 0 else { throw usageError("cannot write '\(name)': \(Self.reason(errno))") }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, let existing {
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // only where permitted
      if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { failure = Self.reason(errno) }
    }
    if close(descriptor) != 0, failure == nil { failure = Self.reason(errno) }
    if failure == nil, rename(temporary, target) != 0 { failure = Self.reason(errno) }
    if let failure {
      unlink(temporary)
      throw usageError("cannot write '\(name)': \(failure)")
    }
  }

  /// Writes every byte, retrying after a signal; the reason when a write fails.
  private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    var rest = bytes[...]
    while !rest.isEmpty {
      let written = rest.withUnsafeBytes { write(descriptor, $0) }
      if written == -Int(EINTR) { continue }
      guard written > 0 else { return Self.reason(written < 0 ? Int32(-written) : EIO) }
      rest = rest.dropFirst(written)
    }
    return nil
  }

  /// `path` with its symbolic links followed (up to 40), even to a target that does not exist yet.
  private func resolved(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length > 0 else { return current }
      let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if link.hasPrefix("/") {
        current = link
      } else if let slash = current.lastIndex(of: "/") {
        current = current[...slash] + link
      } else {
        current = link
      }
    }
    return current
  }

  /// The open descriptor `path` names, if it names one of this process's own: `/dev/stdout`,
  /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
  private static func ownDescriptor(_ path: String) -> Int32? {
    let named: Int32? =
      switch path {
      case "/dev/stdout": STDOUT_FILENO
      case "/dev/stderr": STDERR_FILENO
      default:
        ["/dev/fd/", "/proc/self/fd/"].lazy.compactMap { prefix in
          path.hasPrefix(prefix) ? Int32(path.dropFirst(prefix.count)) : nil
        }.first
      }
    guard let named, named >= 0, fcntl(named, F_GETFD) != -1 else { return nil }
    return named
  }

  /// The C library's text for `code`.
  private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// `write(2)`: the count written, or `-errno`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
  let count = write(descriptor, bytes.baseAddress, bytes.count)
  return count < 0 ? -Int(errno) : count
}
