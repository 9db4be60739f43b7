extension Tensor {
  /// The matrix product of two 2-d tensors, `(m, k) × (k, n) → (m, n)`.
  ///
  /// A 1-d right operand is a column vector (`(m, k) × (k,) → (m,)`) and a 1-d left operand a row
  /// vector (`(k,) × (k, n) → (n,)`), as NumPy's `matmul`.
  /// - Throws: `ShapeError` when the inner lengths differ or an operand is not 1-d or 2-d.
  public func matmul(_ other: Tensor) throws(ShapeError) -> Tensor {
    let outShape = try Tensor.matmulShape(shape, other.shape)
    let left = rank == 1 ? [1, shape[0]] : shape
    let right = other.rank == 1 ? [other.shape[0], 1] : other.shape
    let (m, k, n) = (left[0], left[1], right[1])
    let (leftValues, rightValues) = (scalars, other.scalars)
    var values = Array(repeating: 0.0, count: m * n)
    for row in 0..<m {
      for inner in 0..<k {
        let factor = leftValues[row * k + inner]
        for column in 0..<n { values[row * n + column] += factor * rightValues[inner * n + column] }
      }
    }
    return Tensor(shape: outShape, scalars: values)
  }

  /// The shape `matmul(_:)` produces, or the error it would throw.
  public static func matmulShape(_ a: [Int], _ b: [Int]) throws(ShapeError) -> [Int] {
    guard (1...2).contains(a.count), (1...2).contains(b.count) else {
      throw ShapeError(
        operation: "MatMul", shapes: [a, b],
        reason: "operands must be 1-d or 2-d, got \(formatShape(a)) and \(formatShape(b))")
    }
    let inner = a.count == 1 ? a[0] : a[1]
    guard inner == b[0] else {
      throw ShapeError(
        operation: "MatMul", shapes: [a, b],
        reason: "inner lengths differ: \(formatShape(a)) × \(formatShape(b)) (\(inner) ≠ \(b[0]))")
    }
    return (a.count == 2 ? [a[0]] : []) + (b.count == 2 ? [b[1]] : [])
  }
}

extension Tensor {
  /// `self · otherᵀ` for matrices, `(m, k) × (n, k) → (m, n)`, without forming `otherᵀ`. Each
  /// element adds its products in the order `matmul(_:)` does on `other.transposed()`.
  /// - Throws: `ShapeError` when an operand is not 2-d or the rows' lengths differ.
  public func matmul(transposing other: Tensor) throws(ShapeError) -> Tensor {
    let outShape = try Tensor.matmulTransposingShape(shape, other.shape)
    let (m, n, k) = (outShape[0], outShape[1], shape[1])
    var values = [Double](repeating: 0, count: m * n)
    scalars.withUnsafeBufferPointer { left in
      other.scalars.withUnsafeBufferPointer { right in
        values.withUnsafeMutableBufferPointer { out in
          for row in 0..<m {
            for column in 0..<n {
              var total = 0.0
              for inner in 0..<k { total += left[row * k + inner] * right[column * k + inner] }
              out[row * n + column] = total
            }
          }
        }
      }
    }
    return Tensor(shape: outShape, scalars: values)
  }

  /// `selfᵀ · other` for matrices, `(m, n)ᵀ × (m, k) → (n, k)`, without forming `selfᵀ`. Each
  /// element adds its products in the order `matmul(_:)` does on `self.transposed()`.
  /// - Throws: `ShapeError` when an operand is not 2-d or the column lengths differ.
  public func transposedMatmul(_ other: Tensor) throws(ShapeError) -> Tensor {
    guard shape.count == 2, other.shape.count == 2, shape[0] == other.shape[0] else {
      throw ShapeError(
        operation: "MatMul", shapes: [shape, other.shape],
        reason:
          "aᵀ @ b needs matrices with as many rows, got \(formatShape(shape)) and \(formatShape(other.shape))"
      )
    }
    let (m, n, k) = (shape[0], shape[1], other.shape[1])
    var values = [Double](repeating: 0, count: n * k)
    scalars.withUnsafeBufferPointer { left in
      other.scalars.withUnsafeBufferPointer { right in
        values.withUnsafeMutableBufferPointer { out in
          for row in 0..<m {
            for column in 0..<n {
              let factor = left[row * n + column]
              for inner in 0..<k { out[column * k + inner] += factor * right[row * k + inner] }
            }
          }
        }
      }
    }
    return Tensor(shape: [n, k], scalars: values)
  }

  /// The shape `matmul(transposing:)` produces, or the error it would throw.
  public static func matmulTransposingShape(_ a: [Int], _ b: [Int]) throws(ShapeError) -> [Int] {
    guard a.count == 2, b.count == 2 else {
      throw ShapeError(
        operation: "MatMul", shapes: [a, b],
        reason: "a @ bᵀ needs matrices, got \(formatShape(a)) and \(formatShape(b))")
    }
    guard a[1] == b[1] else {
      throw ShapeError(
        operation: "MatMul", shapes: [a, b],
        reason: "inner lengths differ: \(formatShape(a)) × \(formatShape(b))ᵀ (\(a[1]) ≠ \(b[1]))")
    }
    return [a[0], b[0]]
  }
}
