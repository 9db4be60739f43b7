/// An update rule for parameters from their gradients, as `torch.optim` defines one: each call to
/// `step` is one iteration, and the rule keeps whatever state it needs between iterations
/// (momentum buffers, moment estimates, the step count).
public protocol Optimizer {
  /// The parameters' new values from their current values and gradients (same shapes, in the
  /// same order every call).
  mutating func step(parameters: [Tensor], gradients: [Tensor]) -> [Tensor]
}

extension Tensor {
  /// `combine` applied to the elements of `self` and `other` pairwise; both have `self`'s shape.
  func zipped(_ other: Tensor, _ combine: (Double, Double) -> Double) -> Tensor {
    let a = scalars
    let b = other.scalars
    precondition(a.count == b.count, "zipped: \(a.count) elements against \(b.count)")
    if shape.isEmpty { return Tensor(combine(a[0], b[0])) }
    return Tensor(shape: shape, scalars: (0..<a.count).map { combine(a[$0], b[$0]) })
  }
}
