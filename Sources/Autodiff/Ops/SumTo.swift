/// y = x summed down to a shape that broadcasts to x's (the inverse of `BroadcastTo`).
public final class SumTo: Function {
  /// The shape summed to.
  public let shape: [Int]

  /// A sum down to `shape`.
  public init(_ shape: [Int]) {
    self.shape = shape
  }

  /// `shape`, when it broadcasts to the input's shape.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    guard Tensor.canBroadcast(shape, to: inputShapes[0]) else {
      throw ShapeError(
        operation: name, shapes: [inputShapes[0], shape],
        reason: "cannot sum shape \(formatShape(inputShapes[0])) to \(formatShape(shape))")
    }
    return [shape]
  }

  /// The sum down to `shape`.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].sum(to: shape) }]
  }

  /// `gy` broadcast back to x's shape.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try gys[0].broadcast(to: inputs[0].shape) }]
  }

  /// `gy` broadcast back to x's shape, on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let shape = firstInput!.shape
    return [gys[0].shape == shape ? gys[0] : broadcastTo(gys[0], shape)]
  }

  /// `sum_to(x, shape)`.
  override public func expression(_ names: [String]) -> String {
    "sum_to(\(names[0]), \(formatShape(shape)))"
  }

  /// `gy` broadcast to x's shape.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "broadcast(gy, \(formatShape(inputs.first?.shape ?? [])))"
  }
}

/// `SumTo(shape)(x)`: x summed down to `shape`.
public func sumTo(_ x: Variable, _ shape: [Int]) -> Variable { SumTo(shape)(x) }
