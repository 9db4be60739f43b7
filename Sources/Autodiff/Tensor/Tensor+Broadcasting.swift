extension Tensor {
  /// The shape two shapes broadcast to under NumPy's rules (align at the right; an axis of 1 stretches).
  ///
  /// - Throws: `ShapeError` naming `operation` and both shapes when they cannot broadcast.
  public static func broadcastShape(_ a: [Int], _ b: [Int], operation: String = "broadcast")
    throws(ShapeError)
    -> [Int]
  {
    if a == b { return a }
    let rank = max(a.count, b.count)
    var result = Array(repeating: 0, count: rank)
    for axis in 0..<rank {
      let lengthA = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
      let lengthB = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
      guard lengthA == lengthB || lengthA == 1 || lengthB == 1 else {
        throw ShapeError(
          operation: operation, shapes: [a, b],
          reason: "cannot broadcast shapes \(formatShape(a)) and \(formatShape(b))")
      }
      result[axis] = lengthA == 1 ? lengthB : lengthA
    }
    return result
  }

  /// Whether this tensor's shape can be broadcast to `target` (NumPy's `broadcast_to` rule).
  public static func canBroadcast(_ shape: [Int], to target: [Int]) -> Bool {
    guard shape.count <= target.count else { return false }
    let lead = target.count - shape.count
    return shape.indices.allSatisfy { shape[$0] == 1 || shape[$0] == target[lead + $0] }
  }

  /// This tensor repeated along axes of length 1 (and new leading axes) to fill `target`.
  ///
  /// - Throws: `ShapeError` when the shape cannot broadcast to `target`.
  public func broadcast(to target: [Int]) throws(ShapeError) -> Tensor {
    if shape == target { return self }
    guard Tensor.canBroadcast(shape, to: target) else {
      throw ShapeError(
        operation: "BroadcastTo", shapes: [shape, target],
        reason: "cannot broadcast shape \(formatShape(shape)) to \(formatShape(target))")
    }
    if let value = scalar { return Tensor(repeating: value, shape: target) }
    let sourceStrides = broadcastStrides(to: target)
    let source = scalars
    var values = [Double]()
    values.reserveCapacity(Tensor.elementCount(of: target))
    forEachOffset(of: target, strides: sourceStrides) { values.append(source[$0]) }
    return Tensor(shape: target, scalars: values)
  }

  /// The sum of this tensor's elements down to `target`, the inverse of `broadcast(to:)`.
  ///
  /// - Throws: `ShapeError` when `target` does not broadcast to this tensor's shape.
  public func sum(to target: [Int]) throws(ShapeError) -> Tensor {
    if shape == target { return self }
    guard Tensor.canBroadcast(target, to: shape) else {
      throw ShapeError(
        operation: "SumTo", shapes: [shape, target],
        reason: "cannot sum shape \(formatShape(shape)) to \(formatShape(target))")
    }
    let targetTensor = Tensor(repeating: 0, shape: target)
    let targetStrides = targetTensor.broadcastStrides(to: shape)
    var values = Array(repeating: 0.0, count: targetTensor.count)
    let sourceValues = scalars
    var source = 0
    forEachOffset(of: shape, strides: targetStrides) { destination in
      values[destination] += sourceValues[source]
      source += 1
    }
    return Tensor(shape: target, scalars: values)
  }

  /// Per axis of `target`, the step in this tensor's storage (0 along broadcast axes).
  func broadcastStrides(to target: [Int]) -> [Int] {
    let own = Tensor.strides(of: shape)
    let lead = target.count - shape.count
    return target.indices.map { axis in
      axis < lead || shape[axis - lead] == 1 ? 0 : own[axis - lead]
    }
  }

  /// Calls `body` with the storage offset of each position of `shape`, in row-major order.
  func forEachOffset(of shape: [Int], strides: [Int], _ body: (Int) -> Void) {
    let total = Tensor.elementCount(of: shape)
    guard total > 0 else { return }
    var index = Array(repeating: 0, count: shape.count)
    var offset = 0
    for _ in 0..<total {
      body(offset)
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        offset += strides[axis]
        if index[axis] < shape[axis] { break }
        offset -= strides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }

  /// Applies `combine` elementwise to two tensors after broadcasting them to a common shape.
  ///
  /// - Throws: `ShapeError` naming `operation` when the shapes cannot broadcast.
  @inlinable
  public static func elementwise(
    _ a: Tensor, _ b: Tensor, operation: String, _ combine: (Double, Double) -> Double
  ) throws(ShapeError) -> Tensor {
    if case .scalar(let left) = a.storage, case .scalar(let right) = b.storage {
      return Tensor(combine(left, right))
    }
    return try broadcasting(a, b, operation: operation, combine)
  }

  /// `elementwise` for anything but two scalars.
  @usableFromInline
  static func broadcasting(
    _ a: Tensor, _ b: Tensor, operation: String, _ combine: (Double, Double) -> Double
  ) throws(ShapeError) -> Tensor {
    if a.shape == b.shape {
      let (left, right) = (a.scalars, b.scalars)
      var values = [Double]()
      values.reserveCapacity(left.count)
      for position in left.indices { values.append(combine(left[position], right[position])) }
      return Tensor(Storage(shape: a.shape, scalars: values))
    }
    let shape = try broadcastShape(a.shape, b.shape, operation: operation)
    if let value = b.scalar, b.rank <= a.rank {
      return Tensor(Storage(shape: shape, scalars: a.scalars.map { combine($0, value) }))
    }
    if let value = a.scalar, a.rank <= b.rank {
      return Tensor(Storage(shape: shape, scalars: b.scalars.map { combine(value, $0) }))
    }
    let left = a.broadcastStrides(to: shape)
    let right = b.broadcastStrides(to: shape)
    var leftOffsets = [Int]()
    leftOffsets.reserveCapacity(elementCount(of: shape))
    a.forEachOffset(of: shape, strides: left) { leftOffsets.append($0) }
    let (leftValues, rightValues) = (a.scalars, b.scalars)
    var values = [Double]()
    values.reserveCapacity(leftOffsets.count)
    var position = 0
    b.forEachOffset(of: shape, strides: right) { offset in
      values.append(combine(leftValues[leftOffsets[position]], rightValues[offset]))
      position += 1
    }
    return Tensor(Storage(shape: shape, scalars: values))
  }
}
