import Autodiff
import Foundation

/// How the screens print numbers: short in graph boxes, full precision (shortest round-trip, as
/// Swift's `description`: `3.297442541400256`) in the inspector and the gradient check.
public enum NumberFormat {
  /// Full precision: Swift's shortest round-trip form.
  public static func full(_ value: Double) -> String { value.description }

  /// At most five significant digits: `1.6487`, `0.25`, `-3e-07`, `nan`.
  public static func short(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if value == value.rounded(), abs(value) < 1e5 { return String(Int(value)) + ".0" }
    return String(format: "%.5g", value)
  }

  /// A tensor in full precision: a scalar as a number, otherwise NumPy-like nested brackets.
  public static func full(_ tensor: Tensor) -> String { tensor.description }

  /// A tensor in a few characters: a scalar in short form, otherwise its shape and leading values
  /// (`(2, 3) [1.0, 2.0, …]`) cut to `width` characters.
  public static func short(_ tensor: Tensor, width: Int) -> String {
    if let value = tensor.scalar, tensor.rank == 0 { return clip(short(value), width) }
    var text = formatShape(tensor.shape) + " ["
    for (position, value) in tensor.scalars.enumerated() {
      let piece = (position > 0 ? ", " : "") + short(value)
      if text.count + piece.count + 1 > width || position >= 6 {
        return clip(text + (position > 0 ? ",…" : "…"), width)
      }
      text += piece
    }
    return clip(text + "]", width)
  }

  private static func clip(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(width - 1, 0))) + "…"
  }
}
