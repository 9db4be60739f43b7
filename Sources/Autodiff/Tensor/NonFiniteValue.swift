/// The one wording for a value that is not a finite number, whichever way it came in (a program's
/// literal, `--set`, the value editor, a nudge), so that each refuses it the same way.
public enum NonFiniteValue {
  /// Whether `name` names a value that is not finite: `nan`, `inf` or `infinity`, in any case.
  public static func isName(_ name: some StringProtocol) -> Bool {
    ["nan", "inf", "infinity"].contains(name.lowercased())
  }

  /// For a number too large for a double: `number '1e999' is not finite; values must be finite
  /// numbers` (a long number shortened in the middle).
  public static func overflow(_ text: some StringProtocol) -> String {
    "number '\(shortened(text))' is not finite; values must be finite numbers"
  }

  /// For a name such as `inf`: `'inf' is not a finite number; values must be finite numbers`.
  public static func named(_ name: some StringProtocol) -> String {
    "'\(shortened(name))' is not a finite number; values must be finite numbers"
  }

  /// `text`, or for more than 24 characters its first and last ten around `…` and the length:
  /// `1000000000…0000000000 (100001 characters)`, so that a message keeps its reason in view.
  public static func shortened(_ text: some StringProtocol) -> String {
    guard text.count > 24 else { return String(text) }
    return "\(text.prefix(10))…\(text.suffix(10)) (\(text.count) characters)"
  }
}
