import Autodiff

/// How the screens print numbers: short in graph boxes, full precision (shortest round-trip, as
/// Swift's `description`: `3.297442541400256`) in the inspector and the gradient check.
public enum NumberFormat {
  /// Full precision: Swift's shortest round-trip form; zero is `0.0` whatever its sign (a learner
  /// reads `-0.0` as a different number).
  public static func full(_ value: Double) -> String { (value == 0 ? 0 : value).description }

  /// At most five significant digits, always with a point or exponent so it reads as a float:
  /// `1.6487`, `0.25`, `1.0`, `-3e-07`, `nan`.
  public static func short(_ value: Double) -> String {
    let value = value == 0 ? 0 : value
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let text = value.printed("%.5g")
    return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
  }

  /// A tensor in full precision: a scalar as a number, otherwise NumPy-like nested brackets; no `-0.0`.
  public static func full(_ tensor: Tensor) -> String {
    (tensor.scalars.contains { $0 == 0 && $0.sign == .minus } ? tensor.map { $0 == 0 ? 0 : $0 } : tensor)
      .description
  }

  /// A tensor in at most `width` characters: a scalar in short form, otherwise its leading values
  /// in row-major order (`[1.0, 2.0,…`); the box's title line shows the shape.
  public static func short(_ tensor: Tensor, width: Int) -> String {
    if let value = tensor.scalar, tensor.rank == 0 { return clip(fitting(value, width: width), width) }
    var text = "["
    for (position, value) in tensor.scalars.enumerated() {
      let piece = (position > 0 ? ", " : "") + short(value)
      if text.count + piece.count + 1 > width || position >= 6 {
        return clip(text + (position > 0 ? ",…" : "…"), width)
      }
      text += piece
    }
    return clip(text + "]", width)
  }

  /// `value` with as many significant digits as fit `width` (five at most, one at least), rounded
  /// rather than cut, with a short exponent when that keeps more digits: `0.4122` in six cells, not
  /// `0.412…`; `2.8e-4`, not `0.0003`.
  public static func fitting(_ value: Double, width: Int) -> String {
    let full = short(value)
    guard full.count > width, value.isFinite, value != 0 else { return full }
    for digits in stride(from: 4, through: 1, by: -1) {
      var text = value.printed("%.\(digits)g")
      if !text.contains(where: { $0 == "." || $0 == "e" }) { text += ".0" }
      if text.count <= width { return text }
      let exponent = compactExponent(value.printed("%.\(digits - 1)e"))
      if exponent.count <= width { return exponent }
    }
    return full
  }

  /// `2.8e-04` as `2.8e-4`, `3e+05` as `3e5`: the exponent without its sign `+` or leading zeros.
  private static func compactExponent(_ text: String) -> String {
    guard let e = text.firstIndex(of: "e") else { return text }
    var exponent = text[text.index(after: e)...]
    let negative = exponent.first == "-"
    exponent = exponent.drop { $0 == "+" || $0 == "-" }.drop { $0 == "0" }
    return text[...e] + (negative ? "-" : "") + (exponent.isEmpty ? "0" : exponent)
  }

  private static func clip(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(width - 1, 0))) + "…"
  }
}
