import Autodiff

extension NodeContext {
  /// The 2-d window of a `Conv`, `MaxPool` or `AveragePool` node: `kernel_shape` (or `kernel` when
  /// the attribute is absent), `strides`, `pads`, `dilations`; `auto_pad` only NOTSET or VALID and
  /// `ceil_mode` only 0.
  mutating func window(kernel fallback: [Int]? = nil) throws(ModelImportError) -> Window2D {
    let autoPad = try string("auto_pad", default: "NOTSET")
    guard autoPad == "NOTSET" || autoPad == "VALID" else {
      throw error("auto_pad \(autoPad) is not supported (export with explicit padding)")
    }
    guard try int("ceil_mode", default: 0) == 0 else { throw error("ceil_mode 1 is not supported") }
    guard let kernel = try ints("kernel_shape") ?? fallback else { throw error("kernel_shape is missing") }
    let window = Window2D(
      kernel: kernel, stride: try ints("strides") ?? [1, 1], padding: try ints("pads") ?? [0, 0, 0, 0],
      dilation: try ints("dilations") ?? [1, 1])
    guard kernel.count == 2, window.stride.count == 2, window.padding.count == 4, window.dilation.count == 2
    else {
      throw error("only 2-d windows are supported (kernel_shape \(kernel))")
    }
    return window
  }

  /// Input 0 checked to be `(N, C, H, W)`.
  func image() throws(ModelImportError) -> Variable {
    let x = try variable(0)
    guard x.shape.count == 4 else {
      throw error("expected an input of shape (N, C, H, W), got \(formatShape(x.shape))")
    }
    return x
  }
}
