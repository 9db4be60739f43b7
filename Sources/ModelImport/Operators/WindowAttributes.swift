import Autodiff

extension NodeContext {
  /// `apply(x, window)` for the 2-d window of a `Conv`, `MaxPool` or `AveragePool` node; a 1-d
  /// node (`Conv1d`, `MaxPool1d`) runs as 2-d on x reshaped from (N, C, L) to (N, C, 1, L), its
  /// output reshaped back. `reshaped` lifts any other 1-d input (a Conv's weights) the same way.
  mutating func windowed(
    _ x: Variable, kernel fallback: [Int]? = nil, pooling: Bool,
    _ apply: (_ x: Variable, _ window: Window2D, _ reshaped: Bool) throws(ModelImportError) -> Variable
  ) throws(ModelImportError) -> Variable {
    let window = try window(over: x, kernel: fallback, pooling: pooling)
    guard x.shape.count == 3 else { return try apply(x, window, false) }
    let y = try apply(try call(Reshape([x.shape[0], x.shape[1], 1, x.shape[2]]), [x]), window, true)
    return try call(Reshape([y.shape[0], y.shape[1], y.shape[3]]), [y])
  }

  /// The 2-d window of a `Conv`, `MaxPool` or `AveragePool` node over `x` `(N, C, H, W)`, or over
  /// `(N, C, L)` as `(N, C, 1, L)`: `kernel_shape` (or `kernel` when the attribute is absent),
  /// `strides`, `dilations`, and the padding from `pads` or `auto_pad` (VALID: none; SAME_UPPER and
  /// SAME_LOWER: enough for ⌈H / stride⌉ × ⌈W / stride⌉ outputs, the odd one at the end or at the
  /// start); for a pooling, `ceil_mode` too. Checks x's rank after the kernel's, so that a 3-d
  /// window is named.
  private mutating func window(over x: Variable, kernel fallback: [Int]?, pooling: Bool)
    throws(ModelImportError)
    -> Window2D
  {
    guard let kernel = try ints("kernel_shape") ?? fallback else {
      throw error("attribute kernel_shape is missing")
    }
    guard kernel.count == 1 || kernel.count == 2 else {
      throw error(
        "attribute kernel_shape \(kernel) has \(kernel.count) length(s): only 1-d and 2-d windows over "
          + "(N, C, L) or (N, C, H, W) are supported")
    }
    let axes = kernel.count
    guard x.shape.count == axes + 2 else {
      throw error(
        "expected an input of shape \(axes == 1 ? "(N, C, L)" : "(N, C, H, W)"), got \(formatShape(x.shape))")
    }
    let lift: ([Int]) -> [Int] = { axes == 1 ? [1] + $0 : $0 }
    var window = Window2D(
      kernel: lift(kernel), stride: lift(try entries("strides", axes)),
      dilation: lift(try entries("dilations", axes)),
      ceilMode: pooling ? try ceilMode() : false)
    window.padding = try padding(
      for: window, height: axes == 1 ? 1 : x.shape[2], width: x.shape[x.shape.count - 1], axes: axes)
    return window
  }

  /// An attribute with an entry per window axis (`strides`, `dilations`), all 1 when absent.
  private mutating func entries(_ name: String, _ axes: Int) throws(ModelImportError) -> [Int] {
    let values = try ints(name) ?? Array(repeating: 1, count: axes)
    guard values.count == axes else {
      throw error(
        "attribute \(name) \(values) must have \(axes) entries (\(axes == 1 ? "length" : "height, width"))")
    }
    return values
  }

  /// `ceil_mode`: 0 rounds the output size down, 1 up.
  private mutating func ceilMode() throws(ModelImportError) -> Bool {
    let value = try int("ceil_mode", default: 0)
    guard value == 0 || value == 1 else { throw error("attribute ceil_mode \(value) must be 0 or 1") }
    return value == 1
  }

  /// Top, left, bottom, right: `pads` as given (start and end of a 1-d window as left and right),
  /// or what `auto_pad` asks for on an input of `height`×`width`.
  private mutating func padding(for window: Window2D, height: Int, width: Int, axes: Int)
    throws(ModelImportError) -> [Int]
  {
    let autoPad = try string("auto_pad", default: "NOTSET")
    let pads = try ints("pads")
    if let pads, pads.count != 2 * axes {
      throw error(
        "attribute pads \(pads) must have \(2 * axes) entries "
          + (axes == 1 ? "(start, end)" : "(top, left, bottom, right)"))
    }
    switch autoPad {
    case "NOTSET":
      guard let pads else { return [0, 0, 0, 0] }
      return axes == 1 ? [0, pads[0], 0, pads[1]] : pads
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
