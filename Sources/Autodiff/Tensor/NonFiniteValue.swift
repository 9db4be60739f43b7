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

  /// `text`, or for more than 16 characters its first eight and last six around `…`
  /// (`10000000…000000`), so that a message on one line keeps its reason in view.
  public static func shortened(_ text: some StringProtocol) -> String {
    text.count > 16 ? "\(text.prefix(8))…\(text.suffix(6))" : String(text)
  }
}
