/// Stochastic gradient descent as `torch.optim.SGD(lr=lr)` without momentum: p ← p − lr·g.
public struct SGD: Optimizer {
  /// The learning rate.
  public let learningRate: Double

  /// Plain gradient descent with step size `learningRate`.
  public init(learningRate: Double) {
    self.learningRate = learningRate
  }

  /// The parameters after one step of this rule.
  public mutating func step(parameters: [Tensor], gradients: [Tensor]) -> [Tensor] {
    let rate = -learningRate
    return zip(parameters, gradients).map { parameter, gradient in
      parameter.zipped(gradient) { $0 + rate * $1 }
    }
  }
}
