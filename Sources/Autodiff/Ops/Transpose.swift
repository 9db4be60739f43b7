/// y = x with its axes permuted (reversed when no order is given, as NumPy's `.T`).
public final class Transpose: Function {
  /// The permutation, `nil` to reverse the axes.
  public let axes: [Int]?

  /// A transpose by `axes` (reversal when `nil`).
  public init(_ axes: [Int]? = nil) {
    self.axes = axes
  }

  /// The permuted shape.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let order = try Tensor.transposeAxes(inputShapes[0], axes)
    return [order.map { inputShapes[0][$0] }]
  }

  /// The transpose.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].transposed(axes) }]
  }

  /// `gy` transposed by the inverse permutation.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let order = checked { () throws(ShapeError) in try Tensor.transposeAxes(inputs[0].shape, axes) }
    return [checked { () throws(ShapeError) in try gys[0].transposed(Tensor.inversePermutation(order)) }]
  }

  /// `gy` transposed by the inverse permutation, on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let order = checked { () throws(ShapeError) in try Tensor.transposeAxes(firstInput!.shape, axes) }
    return [transpose(gys[0], Tensor.inversePermutation(order))]
  }

  /// `xᵀ`, or `transpose(x, axes)`.
  override public func expression(_ names: [String]) -> String {
    guard let axes else { return "\(names[0])ᵀ" }
    return "transpose(\(names[0]), \(axes))"
  }

  /// `gy` transposed back.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    axes == nil ? "gyᵀ" : "transpose(gy, inverse of \(axes!))"
  }
}

/// `Transpose(axes)(x)`: x with its axes permuted (reversed when `axes` is `nil`).
public func transpose(_ x: Variable, _ axes: [Int]? = nil) -> Variable { Transpose(axes)(x) }
