extension Tensor {
  /// The sum of all elements as a scalar, or along `axes` (negative axes count from the end).
  ///
  /// With `keepDims`, summed axes stay as length 1, as NumPy's `keepdims=True`.
  /// - Throws: `ShapeError` when an axis is out of range or repeated.
  public func sum(axes: [Int]? = nil, keepDims: Bool = false) throws(ShapeError) -> Tensor {
    let summed = try Tensor.normalizedAxes(
      axes ?? Array(shape.indices), rank: rank, operation: "Sum", shape: shape)
    let kept = shape.indices.map { summed.contains($0) ? 1 : shape[$0] }
    let result = try sum(to: kept)
    return keepDims
      ? result : result.reshaped(unchecked: shape.indices.filter { !summed.contains($0) }.map { shape[$0] })
  }

  /// The shape `sum(axes:keepDims:)` produces, without computing it.
  public static func sumShape(_ shape: [Int], axes: [Int]?, keepDims: Bool) throws(ShapeError) -> [Int] {
    let summed = try normalizedAxes(
      axes ?? Array(shape.indices), rank: shape.count, operation: "Sum", shape: shape)
    if keepDims { return shape.indices.map { summed.contains($0) ? 1 : shape[$0] } }
    return shape.indices.filter { !summed.contains($0) }.map { shape[$0] }
  }

  static func normalizedAxes(_ axes: [Int], rank: Int, operation: String, shape: [Int]) throws(ShapeError)
    -> [Int]
  {
    var result = [Int]()
    for axis in axes {
      let normalized = axis < 0 ? axis + rank : axis
      guard normalized >= 0 && normalized < rank else {
        throw ShapeError(
          operation: operation, shapes: [shape],
          reason: "axis \(axis) is out of range for shape \(formatShape(shape))")
      }
      guard !result.contains(normalized) else {
        throw ShapeError(operation: operation, shapes: [shape], reason: "axis \(axis) is repeated")
      }
      result.append(normalized)
    }
    return result
  }
}
