extension Tensor {
  /// The same elements under a new shape; one axis may be `-1` to be inferred.
  ///
  /// - Throws: `ShapeError` when the element counts differ.
  public func reshaped(_ newShape: [Int]) throws(ShapeError) -> Tensor {
    reshaped(unchecked: try Tensor.reshapeShape(shape, to: newShape))
  }

  func reshaped(unchecked newShape: [Int]) -> Tensor {
    Tensor(Storage(shape: newShape, scalars: scalars))
  }

  /// The shape `reshaped(_:)` produces (with `-1` resolved), or the error it would throw.
  public static func reshapeShape(_ shape: [Int], to newShape: [Int]) throws(ShapeError) -> [Int] {
    let count = elementCount(of: shape)
    let inferred = newShape.filter { $0 == -1 }.count
    let known = newShape.filter { $0 != -1 }
    let fail = ShapeError(
      operation: "Reshape", shapes: [shape, newShape],
      reason: "cannot reshape \(formatShape(shape)) (\(count) elements) to \(formatShape(newShape))")
    guard inferred <= 1, known.allSatisfy({ $0 >= 0 }) else { throw fail }
    let knownCount = elementCount(of: known)
    if inferred == 0 {
      guard knownCount == count else { throw fail }
      return newShape
    }
    guard knownCount > 0, count % knownCount == 0 else { throw fail }
    return newShape.map { $0 == -1 ? count / knownCount : $0 }
  }

  /// The axes permuted: `result.shape[i] == shape[axes[i]]`; reversed when `axes` is nil, as NumPy's `.T`.
  ///
  /// - Throws: `ShapeError` when `axes` is not a permutation of this tensor's axes.
  public func transposed(_ axes: [Int]? = nil) throws(ShapeError) -> Tensor {
    let order = try Tensor.transposeAxes(shape, axes)
    let newShape = order.map { shape[$0] }
    let own = Tensor.strides(of: shape)
    let permutedStrides = order.map { own[$0] }
    let source = scalars
    var values = [Double]()
    values.reserveCapacity(count)
    forEachOffset(of: newShape, strides: permutedStrides) { values.append(source[$0]) }
    return Tensor(shape: newShape, scalars: values)
  }

  /// The permutation `transposed(_:)` uses, or the error it would throw.
  public static func transposeAxes(_ shape: [Int], _ axes: [Int]?) throws(ShapeError) -> [Int] {
    guard let axes else { return Array(shape.indices.reversed()) }
    let normalized = try normalizedAxes(axes, rank: shape.count, operation: "Transpose", shape: shape)
    guard normalized.count == shape.count else {
      throw ShapeError(
        operation: "Transpose", shapes: [shape],
        reason: "axes \(axes) are not a permutation of the \(shape.count) axes of \(formatShape(shape))")
    }
    return normalized
  }

  /// The inverse of a permutation of axes.
  public static func inversePermutation(_ axes: [Int]) -> [Int] {
    var inverse = Array(repeating: 0, count: axes.count)
    for (position, axis) in axes.enumerated() { inverse[axis] = position }
    return inverse
  }
}
