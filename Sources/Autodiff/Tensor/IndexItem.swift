/// One axis's part of an index, as an item of NumPy's `x[…]`.
public enum IndexItem: Equatable, Sendable, CustomStringConvertible {
  /// One position (negative counts from the end); the axis is dropped from the result.
  case index(Int)
  /// Python's `start:stop:step`, each optional; out-of-range bounds are clamped, as Python does.
  case slice(start: Int?, stop: Int?, step: Int?)
  /// A list of positions (negative count from the end; repeats allowed): the axis keeps its place
  /// with one entry per position, and the gradients of repeated positions add.
  case indices([Int])

  /// `:`, the whole axis.
  public static let all = IndexItem.slice(start: nil, stop: nil, step: nil)

  /// The item as Python writes it: `1`, `:`, `1:3`, `::2`, `[0, 2]`.
  public var description: String {
    switch self {
    case .index(let position): return String(position)
    case .indices(let positions): return "[" + positions.map(String.init).joined(separator: ", ") + "]"
    case .slice(let start, let stop, let step):
      let bounds = (start.map(String.init) ?? "") + ":" + (stop.map(String.init) ?? "")
      return step.map { bounds + ":" + String($0) } ?? bounds
    }
  }
}

/// A whole index as Python writes it inside the brackets: `[:, 1]`.
public func formatIndex(_ items: [IndexItem]) -> String {
  "[" + items.map(\.description).joined(separator: ", ") + "]"
}

/// Where an index reads from: the result's shape and, for each result element in row-major order,
/// the row-major position it comes from in the indexed tensor.
struct IndexPlan {
  /// The shape of the indexed result.
  let shape: [Int]
  /// The source position of each result element.
  let sources: [Int]

  /// The plan for `items` on a tensor of shape `source` (missing trailing items are `:`).
  ///
  /// - Throws: `ShapeError` from `operation` saying which item does not fit which axis.
  init(_ items: [IndexItem], on source: [Int], operation: String) throws(ShapeError) {
    func fail(_ reason: String) -> ShapeError {
      ShapeError(operation: operation, shapes: [source], reason: reason)
    }
    guard items.count <= source.count else {
      throw fail("too many indices (\(items.count)) for shape \(formatShape(source))")
    }
    guard items.filter({ if case .indices = $0 { true } else { false } }).count <= 1 else {
      throw fail("at most one list of positions per index")
    }
    let strides = Tensor.strides(of: source)
    var shape = [Int]()
    var sources = [0]
    for axis in source.indices {
      let length = source[axis]
      func position(_ value: Int) throws(ShapeError) -> Int {
        guard value >= -length && value < length else {
          throw fail("index \(value) out of range for axis \(axis) of shape \(formatShape(source))")
        }
        return value < 0 ? value + length : value
      }
      let item = axis < items.count ? items[axis] : .all
      let positions: [Int]
      switch item {
      case .index(let value):
        positions = [try position(value)]
      case .indices(let values):
        positions = try values.map { (value: Int) throws(ShapeError) -> Int in try position(value) }
        shape.append(positions.count)
      case .slice(let start, let stop, let step):
        guard step != 0 else { throw fail("slice step cannot be zero (axis \(axis))") }
        positions = IndexPlan.slicePositions(start, stop, step ?? 1, length: length)
        shape.append(positions.count)
      }
      sources = sources.flatMap { base in positions.map { base + $0 * strides[axis] } }
    }
    self.shape = shape
    self.sources = sources
  }

  /// The positions Python's `start:stop:step` selects on an axis of `length`.
  static func slicePositions(_ start: Int?, _ stop: Int?, _ step: Int, length: Int) -> [Int] {
    func adjusted(_ bound: Int?, default value: Int) -> Int {
      guard var bound else { return value }
      if bound < 0 {
        bound += length
        if bound < 0 { bound = step < 0 ? -1 : 0 }
      } else if bound >= length {
        bound = step < 0 ? length - 1 : length
      }
      return bound
    }
    let first = adjusted(start, default: step < 0 ? length - 1 : 0)
    let end = adjusted(stop, default: step < 0 ? -1 : length)
    return Array(stride(from: first, to: end, by: step))
  }
}

extension Tensor {
  /// The elements `items` select, as NumPy's `x[items]`.
  ///
  /// - Throws: `ShapeError` when an item does not fit its axis.
  public func indexed(_ items: [IndexItem]) throws(ShapeError) -> Tensor {
    let plan = try IndexPlan(items, on: shape, operation: "GetItem")
    let source = scalars
    return Tensor(shape: plan.shape, scalars: plan.sources.map { source[$0] })
  }

  /// Zeros of `shape` with this tensor's elements added at the positions `items` select (repeated
  /// positions add up): the adjoint of `indexed(_:)`.
  ///
  /// - Throws: `ShapeError` when an item does not fit, or this tensor's shape is not the indexed shape.
  public func scattered(_ items: [IndexItem], into shape: [Int]) throws(ShapeError) -> Tensor {
    let plan = try IndexPlan(items, on: shape, operation: "GetItemGrad")
    guard plan.shape == self.shape else {
      throw ShapeError(
        operation: "GetItemGrad", shapes: [self.shape, shape],
        reason: "\(formatIndex(items)) of shape \(formatShape(shape)) has shape \(formatShape(plan.shape)), "
          + "not \(formatShape(self.shape))")
    }
    var values = Array(repeating: 0.0, count: Tensor.elementCount(of: shape))
    for (element, target) in zip(scalars, plan.sources) { values[target] += element }
    return Tensor(shape: shape, scalars: values)
  }
}
