#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Double {
  /// This number as the C library's `printf` writes it with `conversion` (one `%…` for a `double`,
  /// as `%.5g`), without Foundation's `String(format:)`: the screens then need nothing of
  /// Foundation, and the program starts milliseconds sooner.
  package func printed(_ conversion: String) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let length = withVaList([self]) { vsnprintf(&buffer, buffer.count, conversion, $0) }
    precondition(length >= 0 && length < buffer.count, "printf conversion \(conversion) failed")
    return String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
