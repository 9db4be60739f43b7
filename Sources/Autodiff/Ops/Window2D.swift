/// The sliding window of a 2-d convolution or pooling over `(N, C, H, W)` tensors: kernel size,
/// stride, padding (top, left, bottom, right) and dilation, as ONNX and PyTorch give them.
public struct Window2D: Equatable, Sendable, CustomStringConvertible {
  /// Kernel height and width.
  public var kernel: [Int]
  /// Vertical and horizontal stride.
  public var stride: [Int]
  /// Zero (or, for max pooling, ignored) rows and columns added: top, left, bottom, right.
  public var padding: [Int]
  /// Vertical and horizontal spacing between kernel taps.
  public var dilation: [Int]

  /// A window of `kernel` size; stride and dilation 1 and no padding unless given.
  public init(
    kernel: [Int], stride: [Int] = [1, 1], padding: [Int] = [0, 0, 0, 0], dilation: [Int] = [1, 1]
  ) {
    self.kernel = kernel
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
  }

  /// `kernel 3×3, stride 1, padding 1` (only what differs from the defaults after the kernel).
  public var description: String {
    var parts = ["kernel \(kernel[0])×\(kernel[1])"]
    if stride != [1, 1] { parts.append("stride \(stride[0])×\(stride[1])") }
    if padding != [0, 0, 0, 0] { parts.append("padding \(padding.map(String.init).joined(separator: ","))") }
    if dilation != [1, 1] { parts.append("dilation \(dilation[0])×\(dilation[1])") }
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
    let spanH = dilation[0] * (kernel[0] - 1) + 1
    let spanW = dilation[1] * (kernel[1] - 1) + 1
    let outH = (height + padding[0] + padding[2] - spanH) / stride[0] + 1
    let outW = (width + padding[1] + padding[3] - spanW) / stride[1] + 1
    guard height + padding[0] + padding[2] >= spanH, width + padding[1] + padding[3] >= spanW else {
      throw ShapeError(
        operation: operation, shapes: [[height, width]],
        reason: "a \(self) window does not fit a \(height)×\(width) input")
    }
    return (outH, outW)
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
