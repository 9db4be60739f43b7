/// y = the mean of each window of x `(N, C, H, W)`, shape `(N, C, OH, OW)`, as PyTorch's
/// `avg_pool2d`: padding counts as zeros when `countIncludePad`, otherwise only the input's taps count.
public final class AveragePool2D: Function {
  /// The sliding window.
  public let window: Window2D
  /// Whether padded taps count in the divisor (ONNX `count_include_pad`).
  public let countIncludePad: Bool

  /// Average pooling over `window`.
  public init(_ window: Window2D, countIncludePad: Bool = false) {
    self.window = window
    self.countIncludePad = countIncludePad
  }

  /// `(N, C, OH, OW)`.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    try PoolGeometry(inputShapes[0], window, "AveragePool2D").outputShape
  }

  /// Each window's mean.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    let geometry = checked { () throws(ShapeError) in try PoolGeometry(xs[0].shape, window, "AveragePool2D") }
    let cols = checked { () throws(ShapeError) in try xs[0].reshaped(geometry.channelShape).im2col(window) }
    let weights = tapWeights(geometry, rows: cols.shape[0])
    let k = cols.shape[1]
    let values = (0..<cols.shape[0]).map { row in
      (0..<k).reduce(0.0) { $0 + cols.scalars[row * k + $1] * weights[row * k + $1] }
    }
    return [Tensor(shape: geometry.outputShape[0], scalars: values)]
  }

  /// `gy` shared among each window's taps.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let geometry = checked { () throws(ShapeError) in
      try PoolGeometry(firstInput!.shape, window, "AveragePool2D")
    }
    let rows = gys[0].count
    let k = window.kernel[0] * window.kernel[1]
    let weights = tapWeights(geometry, rows: rows)
    let cols = Tensor(
      shape: [rows, k], scalars: weights.indices.map { weights[$0] * gys[0].scalars[$0 / k] })
    return [
      checked { () throws(ShapeError) in
        try cols.col2im(window, imageShape: geometry.channelShape).reshaped(firstInput!.shape)
      }
    ]
  }

  /// On variables: `col2im` of `gy` times each tap's constant weight.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let geometry = checked { () throws(ShapeError) in
      try PoolGeometry(firstInput!.shape, window, "AveragePool2D")
    }
    let rows = gys[0].data.count
    let k = window.kernel[0] * window.kernel[1]
    let weights = Tensor(shape: [rows, k], scalars: tapWeights(geometry, rows: rows))
    return [geometry.spread(gys[0], weights: Variable(weights, name: "1/count"))]
  }

  /// `avgpool(x)`.
  override public func expression(_ names: [String]) -> String { "avgpool(\(names[0]), \(window))" }

  /// `gy / count` on each tap.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "gy / count at each tap"
  }

  /// Each row's tap weights: 1/count on taps that count, 0 on padding that does not. Counting
  /// padding, the count is the taps inside the padded input (all k but for a ceil-mode window
  /// that runs past it, as PyTorch counts).
  private func tapWeights(_ geometry: PoolGeometry, rows: Int) -> [Double] {
    let k = window.kernel[0] * window.kernel[1]
    let positions = geometry.taps.count / k
    let (shape, output) = (geometry.inputShape, geometry.outputShape[0])
    let padded = window.paddedTapCounts(height: shape[2], width: shape[3], outH: output[2], outW: output[3])
    var weights = [Double](repeating: 0, count: rows * k)
    for row in 0..<rows {
      let position = row % positions
      let inside = (0..<k).filter { geometry.taps[position * k + $0] >= 0 }
      let divisor = Double(countIncludePad ? padded[position] : inside.count)
      for tap in (countIncludePad ? Array(0..<k) : inside) { weights[row * k + tap] = 1 / divisor }
    }
    return weights
  }
}
