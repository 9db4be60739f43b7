extension Tensor {
  /// How a tensor keeps its shape and elements. A scalar (shape `[]`) is one inline `Double`: no heap
  /// allocation and no reference counting, the common case in scalar graphs. Any other shape keeps
  /// arrays.
  ///
  /// The form is canonical (exactly the tensors of shape `[]` are `scalar`), so the synthesized
  /// equality compares shapes and elements, never representations.
  @usableFromInline
  enum Storage: Equatable, Sendable {
    /// A 0-d tensor's only element.
    case scalar(Double)
    /// A tensor of rank 1 or more: its shape and its elements in row-major order.
    case array(shape: [Int], scalars: [Double])

    /// The canonical storage for `scalars` under `shape`, whose count the caller has checked.
    @inlinable
    init(shape: [Int], scalars: [Double]) {
      self = shape.isEmpty ? .scalar(scalars[0]) : .array(shape: shape, scalars: scalars)
    }

    /// The length of each axis; empty for a scalar.
    @inlinable
    var shape: [Int] {
      switch self {
      case .scalar: []
      case .array(let shape, _): shape
      }
    }

    /// The elements in row-major order (allocates for a scalar).
    @inlinable
    var scalars: [Double] {
      switch self {
      case .scalar(let value): [value]
      case .array(_, let scalars): scalars
      }
    }

    /// The number of elements.
    @inlinable
    var count: Int {
      switch self {
      case .scalar: 1
      case .array(_, let scalars): scalars.count
      }
    }

    /// Each element replaced by `transform(element)`.
    @inlinable
    func map(_ transform: (Double) -> Double) -> Storage {
      switch self {
      case .scalar(let value): .scalar(transform(value))
      case .array(let shape, let scalars): .array(shape: shape, scalars: scalars.map(transform))
      }
    }
  }
}
