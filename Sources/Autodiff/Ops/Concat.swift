/// y = the inputs joined along an axis, as NumPy's `concatenate`; each input's gradient is its
/// slice of `gy`.
public final class Concat: Function {
  /// The axis joined along (negative counts from the end).
  public let axis: Int

  /// A concatenation along `axis`.
  public init(axis: Int = 0) {
    self.axis = axis
  }

  /// Any number of inputs (at least one).
  override public var arity: Int? { nil }

  /// The joined shape, when the inputs agree off the axis.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try Tensor.concatShape(inputShapes, axis: axis)]
  }

  /// The concatenation.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try Tensor.concatenated(xs, axis: axis) }]
  }

  /// Each input's slice of `gy`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    Tensor.concatParts(inputs.map(\.shape), axis: axis).map { part in
      checked { () throws(ShapeError) in try gys[0].indexed(part) }
    }
  }

  /// Each input's slice of `gy`, on variables (recorded `GetItem`s).
  override public func backward(_ gys: [Variable]) -> [Variable] {
    Tensor.concatParts(inputs.map(\.shape), axis: axis).map { getItem(gys[0], $0) }
  }

  /// `concat(a, b, axis)`.
  override public func expression(_ names: [String]) -> String {
    "concat(\((names + [String(axis)]).joined(separator: ", ")))"
  }

  /// `gy[…]`, the input's slice.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    guard !inputs.isEmpty else { return "gy's slice along axis \(axis)" }
    return "gy\(formatIndex(Tensor.concatParts(inputs.map(\.shape), axis: axis)[index]))"
  }
}

/// `Concat(axis:)(xs)`: the inputs joined along `axis`.
public func concat(_ xs: [Variable], axis: Int = 0) -> Variable { Concat(axis: axis)(xs)[0] }
