/// y = the maximum of each window of x `(N, C, H, W)`, shape `(N, C, OH, OW)`, as PyTorch's
/// `max_pool2d` (padding never wins). The gradient goes to each window's first maximum.
public final class MaxPool2D: Function {
  /// The sliding window.
  public let window: Window2D

  /// Max pooling over `window`.
  public init(_ window: Window2D) {
    self.window = window
  }

  /// `(N, C, OH, OW)`.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    try PoolGeometry(inputShapes[0], window, "MaxPool2D").outputShape
  }

  /// Each window's maximum.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    let geometry = checked { () throws(ShapeError) in try PoolGeometry(xs[0].shape, window, "MaxPool2D") }
    let picks = geometry.argmax(xs[0].scalars)
    let x = xs[0].scalars
    return [Tensor(shape: geometry.outputShape[0], scalars: picks.map { x[$0] })]
  }

  /// `gy` added at each window's maximum.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let x = firstInput!.data
    let geometry = checked { () throws(ShapeError) in try PoolGeometry(x.shape, window, "MaxPool2D") }
    var gx = [Double](repeating: 0, count: x.count)
    for (position, pick) in geometry.argmax(x.scalars).enumerated() { gx[pick] += gys[0].scalars[position] }
    return [Tensor(shape: x.shape, scalars: gx)]
  }

  /// On variables: `col2im` of `gy` on each window's one-hot mask of its maximum (a constant).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let x = firstInput!.data
    let geometry = checked { () throws(ShapeError) in try PoolGeometry(x.shape, window, "MaxPool2D") }
    let cols = checked { () throws(ShapeError) in try x.reshaped(geometry.channelShape).im2col(window) }
    let k = cols.shape[1]
    let positions = geometry.taps.count / k
    var mask = [Double](repeating: 0, count: cols.count)
    for row in 0..<cols.shape[0] {
      let position = row % positions
      var best = -1
      for tap in 0..<k where geometry.taps[position * k + tap] >= 0 {
        if best < 0 || cols.scalars[row * k + tap] > cols.scalars[row * k + best] { best = tap }
      }
      mask[row * k + best] = 1
    }
    return [
      geometry.spread(
        gys[0], weights: Variable(Tensor(shape: cols.shape, scalars: mask), name: "argmax mask"))
    ]
  }

  /// `maxpool(x)`.
  override public func expression(_ names: [String]) -> String { "maxpool(\(names[0]), \(window))" }

  /// `gy` at each window's maximum.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "gy at argmax" }
}

/// The shapes of a pooling of `(N, C, H, W)`: the output shape, and each channel as its own image.
struct PoolGeometry {
  let inputShape: [Int]
  let window: Window2D
  let outputShape: [[Int]]
  /// `(N·C, 1, H, W)`: each channel an image of one channel, as `im2col` then pools each row.
  let channelShape: [Int]
  /// For each output position and kernel tap, the offset in one channel it reads (-1: padding).
  let taps: [Int]

  /// The geometry of pooling a `shape` input with `window`.
  ///
  /// - Throws: `ShapeError` naming `operation` when the window does not fit, or one of its
  ///   positions holds only padding (nothing to pool).
  init(_ shape: [Int], _ window: Window2D, _ operation: String) throws(ShapeError) {
    let (n, c, h, w) = try Tensor.imageShape(shape, operation)
    let (outH, outW) = try window.outputSize(height: h, width: w, operation: operation)
    inputShape = shape
    self.window = window
    outputShape = [[n, c, outH, outW]]
    channelShape = [n * c, 1, h, w]
    taps = window.taps(height: h, width: w, outH: outH, outW: outW)
    let k = window.kernel[0] * window.kernel[1]
    for position in 0..<(outH * outW)
    where !(0..<k).contains(where: { [taps] in taps[position * k + $0] >= 0 }) {
      throw ShapeError(
        operation: operation, shapes: [shape],
        reason: "the \(window) window at output row \(position / outW), column \(position % outW) holds only "
          + "padding (padding must be smaller than the kernel)")
    }
  }

  /// For each output element in order, the input offset of its window's first maximum.
  func argmax(_ x: [Double]) -> [Int] {
    let planes = inputShape[0] * inputShape[1]
    let plane = inputShape[2] * inputShape[3]
    let k = window.kernel[0] * window.kernel[1]
    let positions = taps.count / k
    var picks = [Int]()
    picks.reserveCapacity(planes * positions)
    for p in 0..<planes {
      for position in 0..<positions {
        var best = -1
        for tap in 0..<k {
          let offset = taps[position * k + tap]
          if offset >= 0, best < 0 || x[p * plane + offset] > x[best] { best = p * plane + offset }
        }
        picks.append(best)
      }
    }
    return picks
  }

  /// `gy` `(N, C, OH, OW)` spread over the windows with a constant weight per tap, added back into
  /// `(N, C, H, W)` (`col2im`): a pooling's gradient as recorded functions.
  func spread(_ gy: Variable, weights: Variable) -> Variable {
    let rows = reshape(gy, [-1, 1])
    let cols = broadcastTo(rows, weights.shape) * weights
    return reshape(Col2Im(window, imageShape: channelShape)(cols), inputShape)
  }
}
