/// One axis's part of an index, as an item of NumPy's `x[…]`.
public enum IndexItem: Equatable, Sendable, CustomStringConvertible {
  /// One position (negative counts from the end); the axis is dropped from the result.
  case index(Int)
  /// Python's `start:stop:step`, each optional; out-of-range bounds are clamped, as Python does.
  case slice(start: Int?, stop: Int?, step: Int?)
  /// A list of positions (negative count from the end; repeats allowed): one entry per position,
  /// and the gradients of repeated positions add. Several lists are paired, as NumPy pairs them
  /// (`[[0, 1], [2, 0]]` reads `[0, 2]` and `[1, 0]`; see ``IndexPlan``).
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
///
/// NumPy's rules: a whole number drops its axis and a slice keeps it. Lists of positions are
/// *paired*, as NumPy's advanced indexing pairs them: `x[[0, 1, 2], [2, 0, 1]]` reads `x[0, 2]`,
/// `x[1, 0]`, `x[2, 1]` (a list of one position pairs with every entry, and whole numbers next to
/// lists are paired too). The paired axis takes the place of the first list when the lists and
/// numbers stand together, else it comes first.
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
    let strides = Tensor.strides(of: source)
    let lists = items.compactMap { item -> [Int]? in
      if case .indices(let values) = item { values } else { nil }
    }
    let paired = lists.map(\.count).filter { $0 != 1 }
    guard Set(paired).count <= 1 else {
      throw fail(
        "lists of positions of lengths \(paired.map(String.init).joined(separator: " and ")) cannot be paired"
          + " (each list needs the same length, or length 1)")
    }
    let pairedLength = paired.first ?? 1
    // Each axis's offsets in the source: one list per kept axis (a whole number alone keeps an axis
    // of one offset that is not part of the shape); the paired axis's sum of offsets.
    var kept = [(axis: Int, offsets: [Int], inShape: Bool)]()
    var pairedOffsets = [Int](repeating: 0, count: lists.isEmpty ? 0 : pairedLength)
    var pairedAxes = [Int]()
    for axis in source.indices {
      let length = source[axis]
      func position(_ value: Int) throws(ShapeError) -> Int {
        guard value >= -length && value < length else {
          throw fail("index \(value) out of range for axis \(axis) of shape \(formatShape(source))")
        }
        return value < 0 ? value + length : value
      }
      switch axis < items.count ? items[axis] : .all {
      case .index(let value):
        let offset = try position(value) * strides[axis]
        if lists.isEmpty {
          kept.append((axis, [offset], false))
        } else {
          pairedAxes.append(axis)
          for entry in pairedOffsets.indices { pairedOffsets[entry] += offset }
        }
      case .indices(let values):
        pairedAxes.append(axis)
        for entry in pairedOffsets.indices {
          pairedOffsets[entry] += try position(values.count == 1 ? values[0] : values[entry]) * strides[axis]
        }
      case .slice(let start, let stop, let step):
        guard step != 0 else { throw fail("slice step cannot be zero (axis \(axis))") }
        kept.append(
          (
            axis, IndexPlan.slicePositions(start, stop, step ?? 1, length: length).map { $0 * strides[axis] },
            true
          ))
      }
    }
    // The axes in the result's order, each with its offsets.
    var order = kept.map { (offsets: $0.offsets, inShape: $0.inShape) }
    if let first = pairedAxes.first {
      let together = pairedAxes.last! - first + 1 == pairedAxes.count
      let place = together ? kept.filter { $0.axis < first }.count : 0
      order.insert((pairedOffsets, true), at: place)
    }
    var shape = [Int]()
    var sources = [0]
    for (offsets, inShape) in order {
      if inShape { shape.append(offsets.count) }
      sources = sources.flatMap { base in offsets.map { base + $0 } }
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
