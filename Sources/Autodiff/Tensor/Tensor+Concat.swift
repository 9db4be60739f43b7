extension Tensor {
  /// The shape of `shapes` joined along `axis` (negative counts from the end).
  ///
  /// - Throws: `ShapeError` when there are no shapes, the axis is out of range, or the shapes differ
  ///   other than along the axis.
  public static func concatShape(_ shapes: [[Int]], axis: Int) throws(ShapeError) -> [Int] {
    guard let first = shapes.first else {
      throw ShapeError(operation: "Concat", shapes: [], reason: "needs at least one input")
    }
    let joined = try concatAxis(axis, of: first)
    var result = first
    for shape in shapes.dropFirst() {
      guard shape.count == first.count,
        shape.indices.allSatisfy({ $0 == joined || shape[$0] == first[$0] })
      else {
        throw ShapeError(
          operation: "Concat", shapes: shapes,
          reason:
            "cannot concatenate shapes \(formatShape(first)) and \(formatShape(shape)) along axis \(axis)")
      }
      result[joined] += shape[joined]
    }
    return result
  }

  /// `axis` as a position among the axes of `shape` (negative counts from the end).
  static func concatAxis(_ axis: Int, of shape: [Int]) throws(ShapeError) -> Int {
    try normalizedAxes([axis], rank: shape.count, operation: "Concat", shape: shape)[0]
  }

  /// `tensors` joined along `axis`, as NumPy's `concatenate`.
  ///
  /// - Throws: `ShapeError` as `concatShape(_:axis:)`.
  public static func concatenated(_ tensors: [Tensor], axis: Int) throws(ShapeError) -> Tensor {
    let shape = try concatShape(tensors.map(\.shape), axis: axis)
    let joined = try concatAxis(axis, of: shape)
    let outer = elementCount(of: Array(shape[..<joined]))
    let inner = elementCount(of: Array(shape[(joined + 1)...]))
    let sources = tensors.map(\.scalars)
    var values = [Double]()
    values.reserveCapacity(elementCount(of: shape))
    for block in 0..<outer {
      for (tensor, source) in zip(tensors, sources) {
        let width = tensor.shape[joined] * inner
        values += source[(block * width)..<((block + 1) * width)]
      }
    }
    return Tensor(shape: shape, scalars: values)
  }

  /// For each of `shapes` joined along `axis`, the index that selects its part of the result.
  static func concatParts(_ shapes: [[Int]], axis: Int) -> [[IndexItem]] {
    let joined = checked { () throws(ShapeError) in try concatAxis(axis, of: shapes[0]) }
    var start = 0
    return shapes.map { shape in
      defer { start += shape[joined] }
      return Array(repeating: .all, count: joined) + [
        .slice(start: start, stop: start + shape[joined], step: nil)
      ]
    }
  }
}
