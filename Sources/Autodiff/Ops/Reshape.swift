/// y = x's elements under a new shape (one axis may be −1, inferred).
public final class Reshape: Function {
  /// The requested shape, possibly with one −1.
  public let shape: [Int]

  /// A reshape to `shape`.
  public init(_ shape: [Int]) {
    self.shape = shape
  }

  /// The new shape with −1 resolved, when the element counts agree.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try Tensor.reshapeShape(inputShapes[0], to: shape)]
  }

  /// The reshape.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].reshaped(shape) }]
  }

  /// `gy` reshaped back to x's shape.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try gys[0].reshaped(inputs[0].shape) }]
  }

  /// `gy` reshaped back to x's shape, on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let shape = firstInput!.shape
    return [gys[0].shape == shape ? gys[0] : reshape(gys[0], shape)]
  }

  /// `reshape(x, shape)`.
  override public func expression(_ names: [String]) -> String {
    "reshape(\(names[0]), \(formatShape(shape)))"
  }

  /// `gy` reshaped to x's shape.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "reshape(gy, \(formatShape(inputs.first?.shape ?? [])))"
  }
}

/// `Reshape(shape)(x)`: x's elements under a new shape.
public func reshape(_ x: Variable, _ shape: [Int]) -> Variable { Reshape(shape)(x) }
