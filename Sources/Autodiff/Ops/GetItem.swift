/// y = x[items], as NumPy's indexing with integers, slices and (at most one) list of positions.
/// The gradient is `gy` scattered into zeros of x's shape, repeated positions adding up.
public final class GetItem: Function {
  /// The index, one item per leading axis (missing trailing items are `:`).
  public let items: [IndexItem]

  /// Indexing by `items`.
  public init(_ items: [IndexItem]) {
    self.items = items
  }

  /// The indexed shape, when every item fits its axis.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try IndexPlan(items, on: inputShapes[0], operation: name).shape]
  }

  /// The selected elements.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].indexed(items) }]
  }

  /// `gy` added into zeros of x's shape at the selected positions.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try gys[0].scattered(items, into: firstInput!.shape) }]
  }

  /// The scatter on variables (a recorded `GetItemGrad`, itself differentiable).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [GetItemGrad(items, shape: firstInput!.shape)(gys[0])]
  }

  /// The multi-indices of the input's elements that the index reads, and so that receive gradient,
  /// each once, in row-major order; empty before the function is called.
  public var receivingElements: [[Int]] {
    guard let shape = inputs.first?.shape,
      let plan = try? IndexPlan(items, on: shape, operation: name)
    else { return [] }
    let strides = Tensor.strides(of: shape)
    return Set(plan.sources).sorted().map { offset in
      zip(strides, shape).map { stride, length in offset / stride % Swift.max(length, 1) }
    }
  }

  /// `x[items]`.
  override public func expression(_ names: [String]) -> String { names[0] + formatIndex(items) }

  /// `zeros (3, 4) with gy added at [:, 1]`.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "zeros \(formatShape(inputs.first?.shape ?? [])) with gy added at \(formatIndex(items))"
  }
}

/// y = zeros of `shape` with x added at the positions `items` select: `GetItem`'s backward, whose
/// own backward is `GetItem` again.
public final class GetItemGrad: Function {
  /// The index whose gradient this scatters.
  public let items: [IndexItem]
  /// The shape of the indexed tensor, which the output has.
  public let shape: [Int]

  /// The scatter of `items` into zeros of `shape`.
  public init(_ items: [IndexItem], shape: [Int]) {
    self.items = items
    self.shape = shape
  }

  /// `shape`, when the input has the indexed shape.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let plan = try IndexPlan(items, on: shape, operation: name)
    guard plan.shape == inputShapes[0] else {
      throw ShapeError(
        operation: name, shapes: [inputShapes[0], shape],
        reason: "\(formatIndex(items)) of shape \(formatShape(shape)) has shape \(formatShape(plan.shape)), "
          + "not \(formatShape(inputShapes[0]))")
    }
    return [shape]
  }

  /// The scatter.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].scattered(items, into: shape) }]
  }

  /// `gy[items]`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try gys[0].indexed(items) }]
  }

  /// `gy[items]` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] { [getItem(gys[0], items)] }

  /// `scatter(x, [items], shape)`.
  override public func expression(_ names: [String]) -> String {
    "scatter(\(names[0]), \(formatIndex(items)), \(formatShape(shape)))"
  }

  /// `gy[items]`.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "gy\(formatIndex(items))"
  }
}

/// `GetItem(items)(x)`: x[items], as NumPy's indexing.
public func getItem(_ x: Variable, _ items: [IndexItem]) -> Variable { GetItem(items)(x) }
