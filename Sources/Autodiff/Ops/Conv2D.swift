/// y = the 2-d cross-correlation of x `(N, C, H, W)` with weights w `(F, C / groups, kh, kw)`,
/// shape `(N, F, OH, OW)`, as PyTorch's `conv2d` without bias. With groups g, the channels and the
/// filters are split into g equal groups and each group of filters sees only its group of channels
/// (g = C is a depthwise convolution). Computed as a matrix product of `im2col(x)` with the
/// flattened weights (one product per group); the backward pass is two products and a `col2im`.
public final class Conv2D: Function {
  /// The sliding window (kernel size from w).
  public let window: Window2D
  /// The number of channel groups (ONNX `group`, PyTorch `groups`).
  public let groups: Int

  /// A convolution with the stride, padding and dilation of `window`, in `groups` groups.
  public init(_ window: Window2D, groups: Int = 1) {
    self.window = window
    self.groups = groups
  }

  /// Two inputs: x and w.
  override public var arity: Int? { 2 }

  /// `(N, F, OH, OW)`, when the channels agree and the kernel is `window`'s.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let (n, c, h, w) = try Tensor.imageShape(inputShapes[0], "Conv2D")
    let weights = inputShapes[1]
    guard groups >= 1, c % groups == 0, weights.count == 4, weights[0] % groups == 0 else {
      throw ShapeError(
        operation: "Conv2D", shapes: inputShapes,
        reason: "\(groups) group(s) do not divide \(c) channel(s) and the weights \(formatShape(weights))")
    }
    guard weights[1] * groups == c, Array(weights[2...]) == window.kernel else {
      throw ShapeError(
        operation: "Conv2D", shapes: inputShapes,
        reason: "weights \(formatShape(weights)) do not fit \(c / groups) channel(s) per group and a "
          + "\(window.kernel[0])×\(window.kernel[1]) kernel")
    }
    let (outH, outW) = try window.outputSize(height: h, width: w, operation: "Conv2D")
    return [[n, weights[0], outH, outW]]
  }

  /// `im2col(x) · wᵀ`, rearranged to `(N, F, OH, OW)`.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    let shape = checked { () throws(ShapeError) in try outputShapes(for: [xs[0].shape, xs[1].shape])[0] }
    return [
      checked { () throws(ShapeError) in
        let cols = try xs[0].im2col(window)
        let product =
          groups == 1
          ? try cols.matmul(try flatWeights(xs[1]).transposed()) : try groupedProduct(cols, xs[1])
        return try product.reshaped([shape[0], shape[2], shape[3], shape[1]]).transposed([0, 3, 1, 2])
      }
    ]
  }

  /// gx = `col2im(gy · w)`, gw = `gyᵀ · im2col(x)`, with gy as rows `(N·OH·OW, F)`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let (x, w) = (firstInput!.data, secondInput!.data)
    if groups > 1 { return checked { () throws(ShapeError) in try groupedBackward(gys[0], x, w) } }
    return checked { () throws(ShapeError) in
      let rows = try gys[0].transposed([0, 2, 3, 1]).reshaped([-1, w.shape[0]])
      let gx = try rows.matmul(try flatWeights(w)).col2im(window, imageShape: x.shape)
      let gw = try rows.transposed().matmul(try x.im2col(window)).reshaped(w.shape)
      return [gx, gw]
    }
  }

  /// The same on variables, with `Im2Col` and `Col2Im`, so the gradients can be differentiated again.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let (x, w) = (firstInput!, secondInput!)
    let filters = w.shape[0]
    let rows = reshape(transpose(gys[0], [0, 2, 3, 1]), [-1, filters])
    if groups > 1 { return groupedBackward(rows, x, w) }
    let flat = reshape(w, [filters, -1])
    let gx = Col2Im(window, imageShape: x.shape)(matmul(rows, flat))
    let gw = reshape(matmul(transpose(rows), Im2Col(window)(x)), w.shape)
    return [gx, gw]
  }

  /// `conv2d(x, w)`.
  override public func expression(_ names: [String]) -> String {
    "conv2d(\(names[0]), \(names[1]), \(window)\(groups > 1 ? ", groups \(groups)" : ""))"
  }

  /// `col2im(gy·w)` for x, `gyᵀ·im2col(x)` for w (each group's block on its own when grouped).
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    let formula = index == 0 ? "col2im(gy · \(names[1]))" : "gyᵀ · im2col(\(names[0]))"
    return groups > 1 ? formula + ", group by group" : formula
  }

  /// w `(F, C, kh, kw)` as `(F, C·kh·kw)`.
  private func flatWeights(_ w: Tensor) throws(ShapeError) -> Tensor {
    try w.reshaped([w.shape[0], -1])
  }
}
