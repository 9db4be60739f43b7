/// y = the slices of x along `axis` at each entry of an index tensor of any shape, as ONNX's
/// `Gather` and NumPy's `take`: an embedding lookup when x is the table `(vocabulary, d)`, the axis
/// 0 and the indices the tokens `(batch, sequence)`. The result's shape is x's with the axis
/// replaced by the index shape. The gradient adds each slice of gy back at its position in zeros
/// of x's shape, repeated positions adding up.
public final class Gather: Function {
  /// The positions, row-major over `indexShape` (negative count from the end of the axis).
  public let indices: [Int]
  /// The shape of the index tensor.
  public let indexShape: [Int]
  /// The axis the positions select along.
  public let axis: Int

  /// A gather of `indices`, a tensor of shape `indexShape` in row-major order, along `axis`.
  public init(indices: [Int], shape indexShape: [Int], axis: Int = 0) {
    self.indices = indices
    self.indexShape = indexShape
    self.axis = axis
  }

  /// x's shape with `axis` replaced by the index shape, when every position fits the axis.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let shape = inputShapes[0]
    guard axis >= 0, axis < shape.count, indices.count == Tensor.elementCount(of: indexShape) else {
      throw ShapeError(
        operation: "Gather", shapes: [shape, indexShape],
        reason:
          "cannot take \(indices.count) position(s) of shape \(formatShape(indexShape)) along axis \(axis)")
    }
    _ = try IndexPlan(items, on: shape, operation: "Gather")
    return [Array(shape[..<axis]) + indexShape + shape[(axis + 1)...]]
  }

  /// The selected slices.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    let shape = checked { () throws(ShapeError) in try outputShapes(for: [xs[0].shape])[0] }
    return [checked { () throws(ShapeError) in try xs[0].indexed(items).reshaped(shape) }]
  }

  /// `gy` added into zeros of x's shape at the selected slices.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let shape = firstInput!.shape
    return [
      checked { () throws(ShapeError) in try gys[0].reshaped(flatShape(shape)).scattered(items, into: shape) }
    ]
  }

  /// The same scatter on variables (`GetItemGrad` of gy with the index flattened), differentiable.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let shape = firstInput!.shape
    return [GetItemGrad(items, shape: shape)(reshape(gys[0], flatShape(shape)))]
  }

  /// `take(W, [[1, 2], [0, 1]], axis 0)`; a long index by its shape.
  override public func expression(_ names: [String]) -> String {
    "take(\(names[0]), \(indexText), axis \(axis))"
  }

  /// `zeros (5, 4) with gy's slices added at the indices`.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "zeros \(formatShape(inputs.first?.shape ?? [])) with gy's slices added at \(indexText) on axis \(axis)"
  }

  /// The index as `GetItem` reads it: `:` before the axis, then the flat list of positions.
  private var items: [IndexItem] { Array(repeating: .all, count: axis) + [.indices(indices)] }

  /// x's shape with the axis's length replaced by the number of positions.
  private func flatShape(_ shape: [Int]) -> [Int] {
    Array(shape[..<axis]) + [indices.count] + shape[(axis + 1)...]
  }

  /// The positions as nested lists when there are at most 24, otherwise `indices (2, 128)`.
  private var indexText: String {
    guard indices.count <= 24 else { return "indices \(formatShape(indexShape))" }
    func nested(_ offset: Int, _ dims: ArraySlice<Int>) -> String {
      guard let first = dims.first else { return String(indices[offset]) }
      let inner = Tensor.elementCount(of: Array(dims.dropFirst()))
      return "[" + (0..<first).map { nested(offset + $0 * inner, dims.dropFirst()) }.joined(separator: ", ")
        + "]"
    }
    return nested(0, indexShape[...])
  }
}
