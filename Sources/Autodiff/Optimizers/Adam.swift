/// Adam as `torch.optim.Adam(lr=lr, betas=(β1, β2), eps=ε)` computes it (one tensor at a time,
/// no weight decay, no AMSGrad), in the same order of operations:
/// ```
/// m ← m + (1 − β1)·(g − m)          v ← v·β2 + (1 − β2)·g·g
/// p ← p − lr / (1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)
/// ```
/// (DeZero's `Adam` adds ε to √v before the bias correction, which differs in the last digits.)
public struct Adam: Optimizer {
  /// The learning rate.
  public let learningRate: Double
  /// The decay of the first moment estimate.
  public let beta1: Double
  /// The decay of the second moment estimate.
  public let beta2: Double
  /// Added to the denominator, so a zero second moment does not divide by zero.
  public let epsilon: Double
  /// The first and second moment estimates per parameter, empty before the first step.
  private var first: [Tensor] = []
  private var second: [Tensor] = []
  /// The number of steps taken.
  public private(set) var stepCount = 0

  /// Adam with PyTorch's defaults but for the learning rate.
  public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// The parameters after one step of this rule.
  public mutating func step(parameters: [Tensor], gradients: [Tensor]) -> [Tensor] {
    if first.isEmpty {
      first = gradients.map { Tensor(repeating: 0, shape: $0.shape) }
      second = first
    }
    stepCount += 1
    let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
    let weight = 1 - beta1
    first = zip(first, gradients).map { m, g in m.zipped(g) { $0 + weight * ($1 - $0) } }
    second = zip(second, gradients).map { v, g in v.zipped(g) { $0 * beta2 + (1 - beta2) * $1 * $1 } }
    let step = Double(stepCount)
    let stepSize = learningRate / (1 - Double.power(beta1, step))
    let correction = (1 - Double.power(beta2, step)).squareRoot()
    return parameters.indices.map { index in
      let denominator = second[index].map { $0.squareRoot() / correction + epsilon }
      let ratio = first[index].zipped(denominator, /)
      return parameters[index].zipped(ratio) { $0 + -stepSize * $1 }
    }
  }
}
