/// The sliding window of a 2-d convolution or pooling over `(N, C, H, W)` tensors: kernel size,
/// stride, padding (top, left, bottom, right), dilation and the rounding of the output size, as ONNX
/// and PyTorch give them.
public struct Window2D: Equatable, Sendable, CustomStringConvertible {
  /// Kernel height and width.
  public var kernel: [Int]
  /// Vertical and horizontal stride.
  public var stride: [Int]
  /// Zero (or, for max pooling, ignored) rows and columns added: top, left, bottom, right.
  public var padding: [Int]
  /// Vertical and horizontal spacing between kernel taps.
  public var dilation: [Int]
  /// Whether the output size rounds up (pooling's `ceil_mode`): a last window that starts inside
  /// the input or its leading padding is kept even when it runs past the end; its taps past the
  /// end are read as padding.
  public var ceilMode: Bool

  /// A window of `kernel` size; stride and dilation 1, no padding and the output size rounded
  /// down unless given.
  public init(
    kernel: [Int], stride: [Int] = [1, 1], padding: [Int] = [0, 0, 0, 0], dilation: [Int] = [1, 1],
    ceilMode: Bool = false
  ) {
    self.kernel = kernel
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.ceilMode = ceilMode
  }

  /// `kernel 3×3, stride 1, padding 1` (only what differs from the defaults after the kernel).
  public var description: String {
    var parts = ["kernel \(kernel[0])×\(kernel[1])"]
    if stride != [1, 1] { parts.append("stride \(stride[0])×\(stride[1])") }
    if padding != [0, 0, 0, 0] { parts.append("padding \(padding.map(String.init).joined(separator: ","))") }
    if dilation != [1, 1] { parts.append("dilation \(dilation[0])×\(dilation[1])") }
    if ceilMode { parts.append("ceil mode") }
    return parts.joined(separator: ", ")
  }

  /// The output height and width for an input of `height`×`width`.
  ///
  /// - Throws: `ShapeError` naming `operation` when a parameter is out of range or the window does
  ///   not fit the (padded) input.
  public func outputSize(height: Int, width: Int, operation: String) throws(ShapeError) -> (Int, Int) {
    let valid =
      kernel.count == 2 && stride.count == 2 && padding.count == 4 && dilation.count == 2
      && kernel.allSatisfy { $0 > 0 } && stride.allSatisfy { $0 > 0 } && dilation.allSatisfy { $0 > 0 }
      && padding.allSatisfy { $0 >= 0 }
    guard valid else {
      throw ShapeError(operation: operation, shapes: [[height, width]], reason: "bad window: \(self)")
    }
    guard height + padding[0] + padding[2] >= span(0), width + padding[1] + padding[3] >= span(1) else {
      throw ShapeError(
        operation: operation, shapes: [[height, width]],
        reason: "a \(self) window does not fit a \(height)×\(width) input")
    }
    return (outputLength(height, axis: 0), outputLength(width, axis: 1))
  }

  /// The extent of the kernel on `axis` (0: height, 1: width), dilation included.
  func span(_ axis: Int) -> Int { dilation[axis] * (kernel[axis] - 1) + 1 }

  /// The number of window positions along `axis` of an input of `length`: PyTorch's and ONNX's
  /// formula, which in ceil mode drops a last window that would start in the trailing padding.
  private func outputLength(_ length: Int, axis: Int) -> Int {
    let room = length + padding[axis] + padding[axis + 2] - span(axis)
    guard ceilMode else { return room / stride[axis] + 1 }
    var count = (room + stride[axis] - 1) / stride[axis] + 1
    if (count - 1) * stride[axis] >= length + padding[axis] { count -= 1 }
    return count
  }

  /// For each output position (row-major over `oh, ow`), how many kernel taps fall inside the
  /// padded input (a ceil-mode window's taps past the padding do not): the divisor of an average
  /// pooling that counts padding.
  func paddedTapCounts(height: Int, width: Int, outH: Int, outW: Int) -> [Int] {
    func inside(_ position: Int, axis: Int, length: Int) -> Int {
      (0..<kernel[axis]).filter { tap in
        let offset = position * stride[axis] + tap * dilation[axis]
        return offset < length + padding[axis] + padding[axis + 2]
      }.count
    }
    let rows = (0..<outH).map { inside($0, axis: 0, length: height) }
    let columns = (0..<outW).map { inside($0, axis: 1, length: width) }
    return rows.flatMap { row in columns.map { row * $0 } }
  }

  /// For each output position (row-major over `n, oh, ow`) and each kernel tap (over `i, j`), the
  /// input offset `h·W + w` it reads within one channel, or -1 in the padding.
  func taps(height: Int, width: Int, outH: Int, outW: Int) -> [Int] {
    var taps = [Int]()
    taps.reserveCapacity(outH * outW * kernel[0] * kernel[1])
    for oh in 0..<outH {
      for ow in 0..<outW {
        for i in 0..<kernel[0] {
          for j in 0..<kernel[1] {
            let h = oh * stride[0] - padding[0] + i * dilation[0]
            let w = ow * stride[1] - padding[1] + j * dilation[1]
            taps.append(h >= 0 && h < height && w >= 0 && w < width ? h * width + w : -1)
          }
        }
      }
    }
    return taps
  }
}

extension Tensor {
  /// The windows of an `(N, C, H, W)` tensor as rows: shape `(N·OH·OW, C·kh·kw)`, rows over
  /// `(n, oh, ow)`, columns over `(c, i, j)`; padding reads 0.
  func im2col(_ window: Window2D) throws(ShapeError) -> Tensor {
    let (n, c, h, w) = try Self.imageShape(shape, "Im2Col")
    let (outH, outW) = try window.outputSize(height: h, width: w, operation: "Im2Col")
    let taps = window.taps(height: h, width: w, outH: outH, outW: outW)
    let k = window.kernel[0] * window.kernel[1]
    let x = scalars
    var cols = [Double](repeating: 0, count: n * outH * outW * c * k)
    let rowLength = c * k
    for image in 0..<n {
      for position in 0..<(outH * outW) {
        let row = (image * outH * outW + position) * rowLength
        for channel in 0..<c {
          let base = (image * c + channel) * h * w
          for tap in 0..<k {
            let offset = taps[position * k + tap]
            if offset >= 0 { cols[row + channel * k + tap] = x[base + offset] }
          }
        }
      }
    }
    return Tensor(shape: [n * outH * outW, rowLength], scalars: cols)
  }

  /// The adjoint of `im2col`: each row's values added back into an `imageShape` tensor.
  func col2im(_ window: Window2D, imageShape: [Int]) throws(ShapeError) -> Tensor {
    let (n, c, h, w) = try Self.imageShape(imageShape, "Col2Im")
    let (outH, outW) = try window.outputSize(height: h, width: w, operation: "Col2Im")
    let k = window.kernel[0] * window.kernel[1]
    guard shape == [n * outH * outW, c * k] else {
      throw ShapeError(
        operation: "Col2Im", shapes: [shape, imageShape],
        reason: "columns of shape \(formatShape(shape)) do not fit images of shape \(formatShape(imageShape))"
      )
    }
    let taps = window.taps(height: h, width: w, outH: outH, outW: outW)
    let cols = scalars
    var x = [Double](repeating: 0, count: n * c * h * w)
    for image in 0..<n {
      for position in 0..<(outH * outW) {
        let row = (image * outH * outW + position) * c * k
        for channel in 0..<c {
          let base = (image * c + channel) * h * w
          for tap in 0..<k {
            let offset = taps[position * k + tap]
            if offset >= 0 { x[base + offset] += cols[row + channel * k + tap] }
          }
        }
      }
    }
    return Tensor(shape: imageShape, scalars: x)
  }

  /// `(N, C, H, W)` of a rank-4 shape.
  static func imageShape(_ shape: [Int], _ operation: String) throws(ShapeError) -> (Int, Int, Int, Int) {
    guard shape.count == 4 else {
      throw ShapeError(
        operation: operation, shapes: [shape], reason: "expected (N, C, H, W), got \(formatShape(shape))")
    }
    return (shape[0], shape[1], shape[2], shape[3])
  }
}
