/// Gradient descent with momentum as `torch.optim.SGD(lr=lr, momentum=m)` (no dampening, not
/// Nesterov): the buffer starts as the first gradient, then b ← m·b + g, and p ← p − lr·b.
public struct Momentum: Optimizer {
  /// The learning rate.
  public let learningRate: Double
  /// How much of the previous buffer each step keeps.
  public let momentum: Double
  /// One buffer per parameter, empty before the first step.
  private var buffers: [Tensor] = []

  /// Momentum descent with step size `learningRate` and momentum `momentum` (PyTorch's usual 0.9).
  public init(learningRate: Double, momentum: Double = 0.9) {
    self.learningRate = learningRate
    self.momentum = momentum
  }

  /// The parameters after one step of this rule.
  public mutating func step(parameters: [Tensor], gradients: [Tensor]) -> [Tensor] {
    if buffers.isEmpty {
      buffers = gradients
    } else {
      let momentum = self.momentum
      buffers = zip(buffers, gradients).map { buffer, gradient in
        buffer.zipped(gradient) { $0 * momentum + $1 }
      }
    }
    let rate = -learningRate
    return zip(parameters, buffers).map { parameter, buffer in parameter.zipped(buffer) { $0 + rate * $1 } }
  }
}
