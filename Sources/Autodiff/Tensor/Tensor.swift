/// An n-dimensional array of `Double`: a shape and its elements in row-major order.
///
/// A tensor with an empty shape is a scalar, as NumPy's `np.array(0.5)` is, and prints as `0.5`.
public struct Tensor: Equatable, Sendable {
  /// The shape and elements (see `Storage`).
  @usableFromInline let storage: Storage

  /// The length of each axis; empty for a scalar.
  public var shape: [Int] { storage.shape }

  /// The elements in row-major (C) order; `shape.reduce(1, *)` of them.
  public var scalars: [Double] { storage.scalars }

  /// A tensor of the given shape holding `scalars` in row-major order.
  ///
  /// - Precondition: `scalars.count` is the product of `shape`, and no axis is negative.
  public init(shape: [Int], scalars: [Double]) {
    precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative axis length in shape \(formatShape(shape))")
    precondition(
      Tensor.elementCount(of: shape) == scalars.count,
      "Tensor: shape \(formatShape(shape)) needs \(Tensor.elementCount(of: shape)) elements, got \(scalars.count)"
    )
    storage = Storage(shape: shape, scalars: scalars)
  }

  /// A tensor with `storage`.
  @inlinable
  init(_ storage: Storage) {
    self.storage = storage
  }

  /// A 0-d tensor (a scalar).
  @inlinable
  public init(_ value: Double) {
    storage = .scalar(value)
  }

  /// A 1-d tensor of the given values.
  public init(_ values: [Double]) {
    storage = .array(shape: [values.count], scalars: values)
  }

  /// A 2-d tensor from rows of equal length.
  ///
  /// - Precondition: every row has the same length.
  public init(_ rows: [[Double]]) {
    let width = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == width }, "Tensor: rows of a matrix must have equal lengths")
    storage = .array(shape: [rows.count, width], scalars: rows.flatMap { $0 })
  }

  /// A tensor of the given shape with every element equal to `value`.
  public init(repeating value: Double, shape: [Int]) {
    if shape.isEmpty {
      self.init(value)
    } else {
      self.init(shape: shape, scalars: Array(repeating: value, count: Tensor.elementCount(of: shape)))
    }
  }

  /// A tensor of ones with the shape of `other`, as NumPy's `ones_like`.
  public static func ones(like other: Tensor) -> Tensor {
    if case .scalar = other.storage { return Tensor(1) }
    return Tensor(repeating: 1, shape: other.shape)
  }

  /// The number of axes (0 for a scalar).
  public var rank: Int { shape.count }

  /// The number of elements.
  public var count: Int { storage.count }

  /// The only element of a single-element tensor; `nil` otherwise.
  @inlinable
  public var scalar: Double? {
    switch storage {
    case .scalar(let value): value
    case .array(_, let scalars): scalars.count == 1 ? scalars[0] : nil
    }
  }

  /// The number of elements a tensor of `shape` holds.
  public static func elementCount(of shape: [Int]) -> Int {
    shape.reduce(1, *)
  }

  /// The row-major strides of `shape`, in elements.
  static func strides(of shape: [Int]) -> [Int] {
    var strides = Array(repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }

  /// The element at a multi-index, one coordinate per axis.
  public subscript(index: [Int]) -> Double {
    precondition(
      index.count == shape.count, "Tensor: index \(index) does not match shape \(formatShape(shape))")
    var offset = 0
    for (axis, coordinate) in index.enumerated() {
      precondition(
        coordinate >= 0 && coordinate < shape[axis],
        "Tensor: index \(index) out of range for \(formatShape(shape))")
      offset = offset * shape[axis] + coordinate
    }
    return scalars[offset]
  }

  /// The multi-index of the element at row-major position `offset`.
  public func index(ofElement offset: Int) -> [Int] {
    var rest = offset
    var index = Array(repeating: 0, count: shape.count)
    for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
      index[axis] = rest % shape[axis]
      rest /= shape[axis]
    }
    return index
  }

  /// The same shape with every element replaced by `transform(element)`.
  @inlinable
  public func map(_ transform: (Double) -> Double) -> Tensor {
    Tensor(storage.map(transform))
  }

  /// A copy with the element at row-major position `offset` replaced.
  public func replacing(elementAt offset: Int, with value: Double) -> Tensor {
    var values = scalars
    values[offset] = value
    return Tensor(shape: shape, scalars: values)
  }
}

/// A shape as NumPy prints it: `()`, `(3,)`, `(2, 3)`.
public func formatShape(_ shape: [Int]) -> String {
  switch shape.count {
  case 0: return "()"
  case 1: return "(\(shape[0]),)"
  default: return "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }
}
