/// Bounds that keep any program text from crashing or hanging the parser or the forward pass.
enum Limits {
  /// Parentheses, calls, unary minuses, exponents and list brackets nested inside one another.
  static let nesting = 128
  /// Elements of any one tensor a program computes.
  static let elements = 1_000_000
  /// Elements computed over the whole forward pass (plus multiply-adds of each `matmul`).
  static let work = 10_000_000
  /// The magnitude of a whole-number argument (axis or dimension).
  static let integer = 1_000_000_000

  /// The product of `numbers`, or `nil` when it exceeds `limit` (without overflowing).
  static func product(_ numbers: [Int], upTo limit: Int) -> Int? {
    var result = 1
    for number in numbers {
      let (next, overflow) = result.multipliedReportingOverflow(by: Swift.max(number, 0))
      guard !overflow, next <= limit else { return nil }
      result = next
    }
    return result
  }
}
