/// Bounds that keep any program text from crashing or hanging the parser or the forward pass.
enum Limits {
  /// Parentheses, calls, unary minuses, exponents and list brackets nested inside one another.
  static let nesting = 128
  /// The most iterations a `repeat` line may ask for.
  static let iterations = 10_000_000
  /// Elements of any one tensor a program computes.
  static let elements = 1_000_000
  /// Elements computed over the whole forward pass (plus multiply-adds of each `matmul`).
  static let work = 10_000_000
  /// The magnitude of a whole-number argument (axis or dimension).
  static let integer = 1_000_000_000
  /// Bytes of program text (32 MiB), checked before the text is parsed (or read, by `gradstep`).
  static let bytes = 32 << 20
  /// Variables of a program (inputs, constants and results), checked as each one is added.
  static let variables = 1_000_000
  /// Tokens on one line, checked as the line is split, so that one huge line cannot use much
  /// memory before `variables` stops it.
  static let tokensPerLine = 2_000_000

  /// `number` with thousands separators: `1,000,000`.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var text = number < 0 ? "-" : ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position).isMultiple(of: 3) { text += "," }
      text.append(digit)
    }
    return text
  }

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
