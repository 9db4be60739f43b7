/// A function of two inputs applied element by element with NumPy broadcasting. Each input's
/// gradient is a product of factors, summed back to that input's shape when it was broadcast.
open class BinaryFunction: Function {
  /// Two inputs.
  override public var arity: Int? { 2 }

  /// The forward computation on two tensors of the broadcast shape (or broadcastable to it).
  open func apply(_ a: Tensor, _ b: Tensor) -> Tensor {
    preconditionFailure("\(name) must override apply(_:_:)")
  }

  /// The factors whose product (with `gy` last) is the gradient for input `index`, before summing
  /// back to the input's shape.
  open func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor) -> [Tensor] {
    preconditionFailure("\(name) must override localFactors(input:_:_:_:)")
  }

  /// The broadcast shape of the two inputs.
  override public final func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try Tensor.broadcastShape(inputShapes[0], inputShapes[1], operation: name)]
  }

  /// `[apply(a, b)]`.
  override public final func forward(_ xs: [Tensor]) -> [Tensor] {
    [apply(xs[0], xs[1])]
  }

  /// Each input's factors multiplied left to right, then summed to that input's shape.
  override public final func backward(_ gys: [Tensor]) -> [Tensor] {
    let (a, b) = (inputs[0].data, inputs[1].data)
    return [0, 1].map { (index: Int) -> Tensor in
      let factors = localFactors(input: index, a, b, gys[0])
      let product = factors.dropFirst().reduce(factors[0]) { $0 * $1 }
      let target = inputs[index].shape
      return product.shape == target
        ? product : checked { () throws(ShapeError) in try product.sum(to: target) }
    }
  }

  /// The factors, when the input was not broadcast (otherwise the gradient is also summed).
  override public final func gradientFactors(input index: Int, outputGrads gys: [Tensor]) -> [Tensor]? {
    guard inputs[index].shape == gys[0].shape else { return nil }
    return localFactors(input: index, inputs[0].data, inputs[1].data, gys[0])
  }
}
