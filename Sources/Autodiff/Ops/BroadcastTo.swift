/// y = x repeated along axes of length 1 (and new leading axes) to fill a shape.
public final class BroadcastTo: Function {
  /// The shape broadcast to.
  public let shape: [Int]

  /// A broadcast to `shape`.
  public init(_ shape: [Int]) {
    self.shape = shape
  }

  /// `shape`, when the input's shape broadcasts to it.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    guard Tensor.canBroadcast(inputShapes[0], to: shape) else {
      throw ShapeError(
        operation: name, shapes: [inputShapes[0], shape],
        reason: "cannot broadcast shape \(formatShape(inputShapes[0])) to \(formatShape(shape))")
    }
    return [shape]
  }

  /// The broadcast.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].broadcast(to: shape) }]
  }

  /// `gy` summed back to x's shape.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try gys[0].sum(to: inputs[0].shape) }]
  }

  /// `gy` summed back to x's shape, on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let shape = firstInput!.shape
    return [gys[0].shape == shape ? gys[0] : sumTo(gys[0], shape)]
  }

  /// `broadcast_to(x, shape)`.
  override public func expression(_ names: [String]) -> String {
    "broadcast_to(\(names[0]), \(formatShape(shape)))"
  }

  /// `gy` summed to x's shape.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "sum_to(gy, \(formatShape(inputs.first?.shape ?? [])))"
  }
}

/// `BroadcastTo(shape)(x)`: x repeated to fill `shape`.
public func broadcastTo(_ x: Variable, _ shape: [Int]) -> Variable { BroadcastTo(shape)(x) }
