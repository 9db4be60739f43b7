/// y = a where a fixed condition holds, else b, element by element with broadcasting (ONNX `Where`,
/// PyTorch's `torch.where` and `masked_fill`). The condition is data, not an input: it is not
/// differentiable. The gradient goes to `a` where the condition holds and to `b` elsewhere.
public final class Where: BinaryFunction {
  /// The condition, nonzero for true; it must broadcast to the broadcast shape of the two inputs.
  public let condition: Tensor

  /// A choice by `condition` (nonzero picks the first input).
  public init(condition: Tensor) {
    self.condition = condition
  }

  /// 1 where input `index` is picked, else 0, in the broadcast shape `shape`.
  func share(input index: Int, shape: [Int]) -> Tensor {
    let picked = checked { () throws(ShapeError) in try condition.broadcast(to: shape) }
    return picked.map { ($0 != 0) == (index == 0) ? 1 : 0 }
  }

  /// The choice, element by element.
  override public func apply(_ a: Tensor, _ b: Tensor) -> Tensor {
    let shape = checked { () throws(ShapeError) in
      try Tensor.broadcastShape(a.shape, b.shape, operation: name)
    }
    let (first, second, picked) = checked { () throws(ShapeError) in
      (try a.broadcast(to: shape), try b.broadcast(to: shape), try condition.broadcast(to: shape))
    }
    let (x, y, c) = (first.scalars, second.scalars, picked.scalars)
    return Tensor(shape: shape, scalars: c.indices.map { c[$0] != 0 ? x[$0] : y[$0] })
  }

  /// `[share, gy]`.
  override public func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor) -> [Tensor] {
    [share(input: index, shape: gy.shape), gy]
  }

  /// `(share·gy, share·gy)` on variables, the shares constants.
  override public func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    (
      Variable(share(input: 0, shape: gy.shape), name: "condition") * gy,
      Variable(share(input: 1, shape: gy.shape), name: "not condition") * gy
    )
  }

  /// `where(condition, a, b)`.
  override public func expression(_ names: [String]) -> String {
    "where(condition, \(names[0]), \(names[1]))"
  }

  /// `condition·gy` for a, `(not condition)·gy` for b.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    index == 0 ? "condition·gy" : "(not condition)·gy"
  }
}

/// `Where(condition:)(a, b)`: a where `condition` is nonzero, else b, with broadcasting.
public func select(_ condition: Tensor, _ a: Variable, _ b: Variable) -> Variable {
  Where(condition: condition)(a, b)
}
