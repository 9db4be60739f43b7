/// A grouped convolution's products: the columns of `im2col(x)` `(R, C·k)` split into g blocks of
/// `C/g·k` and the weights into g blocks of `F/g` filters, each pair multiplied as one matrix of a
/// stack `(g, …)`.
extension Conv2D {
  /// `(R, F)`: for each group, its columns times its filters' flattened weights, side by side.
  func groupedProduct(_ cols: Tensor, _ w: Tensor) throws(ShapeError) -> Tensor {
    let (rows, blockWidth, filtersPerGroup) = (cols.shape[0], cols.shape[1] / groups, w.shape[0] / groups)
    let stacked = try groupColumns(cols)
    let weights = try w.reshaped([groups, filtersPerGroup, blockWidth])
    let product = BatchMatMul.product(
      stacked, weights, transposeA: false, transposeB: true, shape: [groups, rows, filtersPerGroup])
    return try product.transposed([1, 0, 2]).reshaped([rows, w.shape[0]])
  }

  /// gx and gw of a grouped convolution from `gy` `(N, F, OH, OW)`, on tensors.
  func groupedBackward(_ gy: Tensor, _ x: Tensor, _ w: Tensor) throws(ShapeError) -> [Tensor] {
    let cols = try x.im2col(window)
    let (rows, blockWidth, filtersPerGroup) = (cols.shape[0], cols.shape[1] / groups, w.shape[0] / groups)
    let gyRows = try groupColumns(try gy.transposed([0, 2, 3, 1]).reshaped([rows, w.shape[0]]))
    let weights = try w.reshaped([groups, filtersPerGroup, blockWidth])
    let gcols = BatchMatMul.product(
      gyRows, weights, transposeA: false, transposeB: false, shape: [groups, rows, blockWidth])
    let gx = try gcols.transposed([1, 0, 2]).reshaped([rows, cols.shape[1]]).col2im(
      window, imageShape: x.shape)
    let gw = BatchMatMul.product(
      gyRows, try groupColumns(cols), transposeA: true, transposeB: false,
      shape: [groups, filtersPerGroup, blockWidth])
    return [gx, try gw.reshaped(w.shape)]
  }

  /// gx and gw on variables from `rows`, gy as `(R, F)`, so that they can be differentiated again.
  func groupedBackward(_ rows: Variable, _ x: Variable, _ w: Variable) -> [Variable] {
    let filtersPerGroup = w.shape[0] / groups
    let cols = Im2Col(window)(x)
    let (count, blockWidth) = (cols.shape[0], cols.shape[1] / groups)
    let stack = { (matrix: Variable, width: Int) in
      transpose(reshape(matrix, [count, self.groups, width]), [1, 0, 2])
    }
    let gyRows = stack(rows, filtersPerGroup)
    let weights = reshape(w, [groups, filtersPerGroup, blockWidth])
    let gcols = BatchMatMul()(gyRows, weights)
    let gx = Col2Im(window, imageShape: x.shape)(reshape(transpose(gcols, [1, 0, 2]), [count, -1]))
    let gw = BatchMatMul()(transpose(gyRows, [0, 2, 1]), stack(cols, blockWidth))
    return [gx, reshape(gw, w.shape)]
  }

  /// `(R, g·b)` as the stack `(g, R, b)` of its column blocks.
  private func groupColumns(_ matrix: Tensor) throws(ShapeError) -> Tensor {
    try matrix.reshaped([matrix.shape[0], groups, matrix.shape[1] / groups]).transposed([1, 0, 2])
  }
}
