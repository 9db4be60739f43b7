/// A function of one input applied to each element, whose input gradient is the output gradient
/// times a local derivative. Subclasses give `apply` and the local derivative's factors.
open class ElementwiseFunction: Function {
  /// The forward computation on the input's data.
  open func apply(_ x: Tensor) -> Tensor {
    preconditionFailure("\(name) must override apply(_:)")
  }

  /// The factors whose product is the local derivative at `x` (for `Square`: `[2, x]`).
  open func localDerivative(_ x: Tensor) -> [Tensor] {
    preconditionFailure("\(name) must override localDerivative(_:)")
  }

  /// The input's gradient at `x` for the output gradient `gy`: the local derivative's factors and `gy`
  /// multiplied left to right. This module's ops override it with the same arithmetic in one pass.
  func inputGradient(_ x: Tensor, _ gy: Tensor) -> Tensor {
    let factors = localDerivative(x) + [gy]
    return factors.dropFirst().reduce(factors[0]) { $0 * $1 }
  }

  /// Whether the op keeps `Function`'s default `outputShapes` (the input's shape), so that a call
  /// need not ask it; this module's ops say so, a subclass elsewhere is always asked.
  var keepsDefaultOutputShapes: Bool { false }

  /// `[apply(x)]`.
  override public final func forward(_ xs: [Tensor]) -> [Tensor] {
    [apply(xs[0])]
  }

  /// The product of the local derivative's factors and `gy`, multiplied left to right.
  override public final func backward(_ gys: [Tensor]) -> [Tensor] {
    [inputGradient(firstInput!.data, gys[0])]
  }

  /// The local derivative's factors followed by `gy`.
  override public final func gradientFactors(input index: Int, outputGrads gys: [Tensor]) -> [Tensor]? {
    localDerivative(firstInput!.data) + [gys[0]]
  }

  override final func call(_ x: Variable) -> Variable {
    checkArity(1)
    if !keepsDefaultOutputShapes {
      checked { () throws(ShapeError) in _ = try outputShapes(for: [x.shape]) }
    }
    return connect(x, nil, producing: apply(x.data))
  }

  override final func inputGradients(_ gys: Gradients) -> Gradients {
    .one(inputGradient(firstInput!.data, gys[0]))
  }
}

/// A constant as formulas print it: `2` rather than `2.0`, otherwise Swift's shortest form.
public func formatConstant(_ value: Double) -> String {
  if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return value.description
}
