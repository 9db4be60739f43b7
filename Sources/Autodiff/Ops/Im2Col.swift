/// y = the windows of an `(N, C, H, W)` input as rows `(N·OH·OW, C·kh·kw)`: the linear map that
/// turns a convolution into a matrix product. Its gradient is `Col2Im`, and `Col2Im`'s is this.
public final class Im2Col: Function {
  /// The sliding window.
  public let window: Window2D

  /// An `Im2Col` with `window`.
  public init(_ window: Window2D) {
    self.window = window
  }

  /// `(N·OH·OW, C·kh·kw)`.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let (n, c, h, w) = try Tensor.imageShape(inputShapes[0], "Im2Col")
    let (outH, outW) = try window.outputSize(height: h, width: w, operation: "Im2Col")
    return [[n * outH * outW, c * window.kernel[0] * window.kernel[1]]]
  }

  /// The windows as rows.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].im2col(window) }]
  }

  /// `col2im(gy)`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let shape = firstInput!.shape
    return [checked { () throws(ShapeError) in try gys[0].col2im(window, imageShape: shape) }]
  }

  /// `Col2Im(gy)` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [Col2Im(window, imageShape: firstInput!.shape)(gys[0])]
  }

  /// `im2col(x)`.
  override public func expression(_ names: [String]) -> String { "im2col(\(names[0]), \(window))" }

  /// `col2im(gy)`.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "col2im(gy)" }
}

/// y = rows `(N·OH·OW, C·kh·kw)` added back into an `(N, C, H, W)` tensor at the windows they came
/// from: the adjoint of `Im2Col`, whose gradient is `Im2Col`.
public final class Col2Im: Function {
  /// The sliding window.
  public let window: Window2D
  /// The output's `(N, C, H, W)`.
  public let imageShape: [Int]

  /// A `Col2Im` onto `imageShape` with `window`.
  public init(_ window: Window2D, imageShape: [Int]) {
    self.window = window
    self.imageShape = imageShape
  }

  /// `imageShape`, when the columns fit it.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let expected = try Im2Col(window).outputShapes(for: [imageShape])[0]
    guard inputShapes[0] == expected else {
      throw ShapeError(
        operation: "Col2Im", shapes: [inputShapes[0], imageShape],
        reason: "columns must have shape \(formatShape(expected)), got \(formatShape(inputShapes[0]))")
    }
    return [imageShape]
  }

  /// The rows added into place.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].col2im(window, imageShape: imageShape) }]
  }

  /// `im2col(gy)`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try gys[0].im2col(window) }]
  }

  /// `Im2Col(gy)` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [Im2Col(window)(gys[0])] }

  /// `col2im(x)`.
  override public func expression(_ names: [String]) -> String { "col2im(\(names[0]), \(window))" }

  /// `im2col(gy)`.
  override public func gradientFormula(input index: Int, names: [String]) -> String { "im2col(gy)" }
}
