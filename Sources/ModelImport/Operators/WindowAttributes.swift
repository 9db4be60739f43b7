import Autodiff

extension NodeContext {
  /// The 2-d window of a `Conv`, `MaxPool` or `AveragePool` node over `x` `(N, C, H, W)`:
  /// `kernel_shape` (or `kernel` when the attribute is absent), `strides`, `dilations`, and the
  /// padding from `pads` or `auto_pad` (VALID: none; SAME_UPPER and SAME_LOWER: enough for
  /// ⌈H / stride⌉ × ⌈W / stride⌉ outputs, the odd one at the end or at the start); for a pooling,
  /// `ceil_mode` too. Checks x's rank after the kernel's, so that a 1-d or 3-d window is named.
  mutating func window(over x: Variable, kernel fallback: [Int]? = nil, pooling: Bool)
    throws(ModelImportError)
    -> Window2D
  {
    guard let kernel = try ints("kernel_shape") ?? fallback else {
      throw error("attribute kernel_shape is missing")
    }
    guard kernel.count == 2 else {
      throw error(
        "attribute kernel_shape \(kernel) has \(kernel.count) length(s): only 2-d windows over (N, C, H, W) "
          + "are supported")
    }
    guard x.shape.count == 4 else {
      throw error("expected an input of shape (N, C, H, W), got \(formatShape(x.shape))")
    }
    var window = Window2D(
      kernel: kernel, stride: try pair("strides"), dilation: try pair("dilations"),
      ceilMode: pooling ? try ceilMode() : false)
    window.padding = try padding(for: window, height: x.shape[2], width: x.shape[3])
    return window
  }

  /// A 2-entry attribute (`strides`, `dilations`), 1 and 1 when absent.
  private mutating func pair(_ name: String) throws(ModelImportError) -> [Int] {
    let values = try ints(name) ?? [1, 1]
    guard values.count == 2 else {
      throw error("attribute \(name) \(values) must have 2 entries (height, width)")
    }
    return values
  }

  /// `ceil_mode`: 0 rounds the output size down, 1 up.
  private mutating func ceilMode() throws(ModelImportError) -> Bool {
    let value = try int("ceil_mode", default: 0)
    guard value == 0 || value == 1 else { throw error("attribute ceil_mode \(value) must be 0 or 1") }
    return value == 1
  }

  /// Top, left, bottom, right: `pads` as given, or what `auto_pad` asks for on an input of
  /// `height`×`width`.
  private mutating func padding(for window: Window2D, height: Int, width: Int) throws(ModelImportError)
    -> [Int]
  {
    let autoPad = try string("auto_pad", default: "NOTSET")
    let pads = try ints("pads")
    if let pads, pads.count != 4 {
      throw error("attribute pads \(pads) must have 4 entries (top, left, bottom, right)")
    }
    switch autoPad {
    case "NOTSET":
      return pads ?? [0, 0, 0, 0]
    case "VALID", "SAME_UPPER", "SAME_LOWER":
      if let pads, pads.contains(where: { $0 != 0 }) {
        throw error("attribute pads \(pads) cannot be given with auto_pad \(autoPad)")
      }
      guard autoPad != "VALID" else { return [0, 0, 0, 0] }
      let (top, bottom) = samePadding(window, axis: 0, length: height, upper: autoPad == "SAME_UPPER")
      let (left, right) = samePadding(window, axis: 1, length: width, upper: autoPad == "SAME_UPPER")
      return [top, left, bottom, right]
    default:
      throw error("attribute auto_pad \(autoPad) is not supported (NOTSET, VALID, SAME_UPPER or SAME_LOWER)")
    }
  }

  /// ONNX's SAME padding on `axis`: the total that gives ⌈length / stride⌉ outputs, split in
  /// half with the odd one at the end (SAME_UPPER) or at the start (SAME_LOWER).
  private func samePadding(_ window: Window2D, axis: Int, length: Int, upper: Bool) -> (Int, Int) {
    let stride = window.stride[axis]
    let outputs = (length + stride - 1) / stride
    let span = window.dilation[axis] * (window.kernel[axis] - 1) + 1
    let total = max(0, (outputs - 1) * stride + span - length)
    return upper ? (total / 2, total - total / 2) : (total - total / 2, total / 2)
  }
}
