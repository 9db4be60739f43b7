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

  /// Both inputs' factors multiplied left to right, before summing back to the inputs' shapes. This
  /// module's ops override it with the same arithmetic without the factor arrays.
  func factorProducts(_ a: Tensor, _ b: Tensor, _ gy: Tensor) -> (Tensor, Tensor) {
    func product(_ index: Int) -> Tensor {
      let factors = localFactors(input: index, a, b, gy)
      return factors.dropFirst().reduce(factors[0]) { $0 * $1 }
    }
    return (product(0), product(1))
  }

  /// Both inputs' gradients on variables, before summing back to the inputs' shapes: what
  /// `backward(_: [Variable])` uses. Every op of this module overrides it; the default traps.
  open func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    preconditionFailure("\(name) must override gradients(_:_:gy:) to be used with createGraph")
  }

  /// Each input's gradient from `gradients(_:_:gy:)`, summed (a recorded `SumTo`) to that input's
  /// shape when it was broadcast.
  override public final func backward(_ gys: [Variable]) -> [Variable] {
    let (a, b) = (firstInput!, secondInput!)
    let (ga, gb) = gradients(a, b, gy: gys[0])
    return [ga.shape == a.shape ? ga : sumTo(ga, a.shape), gb.shape == b.shape ? gb : sumTo(gb, b.shape)]
  }

  /// The broadcast shape of the two inputs.
  override public final func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    // Equal shapes return at once: `name`, which only an error needs, is slow to make.
    if inputShapes[0] == inputShapes[1] { return [inputShapes[0]] }
    return [try Tensor.broadcastShape(inputShapes[0], inputShapes[1], operation: name)]
  }

  /// `[apply(a, b)]`.
  override public final func forward(_ xs: [Tensor]) -> [Tensor] {
    [apply(xs[0], xs[1])]
  }

  /// Each input's factors multiplied left to right, then summed to that input's shape.
  override public final func backward(_ gys: [Tensor]) -> [Tensor] {
    inputGradients(.one(gys[0])).array
  }

  /// The factors, when the input was not broadcast (otherwise the gradient is also summed).
  override public final func gradientFactors(input index: Int, outputGrads gys: [Tensor]) -> [Tensor]? {
    let (a, b) = (firstInput!.data, secondInput!.data)
    guard (index == 0 ? a : b).shape == gys[0].shape else { return nil }
    return localFactors(input: index, a, b, gys[0])
  }

  override final func call(_ a: Variable, _ b: Variable) -> Variable {
    checkArity(2)
    let (x, y) = (a.data, b.data)
    if x.shape != y.shape {
      checked { () throws(ShapeError) in _ = try Tensor.broadcastShape(x.shape, y.shape, operation: name) }
    }
    return connect(a, b, producing: apply(x, y))
  }

  override final func inputGradients(_ gys: Gradients) -> Gradients {
    inputGradients(first: firstInput!.data, second: secondInput!.data, gy: gys[0])
  }

  /// Each input's factors multiplied left to right, then summed to that input's shape; also for a
  /// deferred call (see `DeferredCreator`).
  final func inputGradients(first a: Tensor, second: Tensor?, gy: Tensor) -> Gradients {
    let b = second!
    let (ga, gb) = factorProducts(a, b, gy)
    return .two(summed(ga, to: a.shape), summed(gb, to: b.shape))
  }

  private func summed(_ gradient: Tensor, to shape: [Int]) -> Tensor {
    gradient.shape == shape ? gradient : checked { () throws(ShapeError) in try gradient.sum(to: shape) }
  }
}
