import Autodiff

/// The optimiser a `repeat` line names, with its constants: `sgd(lr)`, `momentum(lr)` or
/// `momentum(lr, m)`, `adam(lr)` or `adam(lr, β1, β2)` or `adam(lr, β1, β2, ε)`, with PyTorch's
/// defaults (momentum 0.9; β1 0.9, β2 0.999, ε 1e-8).
public enum OptimizerChoice: Equatable, Sendable {
  case sgd(learningRate: Double)
  case momentum(learningRate: Double, momentum: Double)
  case adam(learningRate: Double, beta1: Double, beta2: Double, epsilon: Double)

  /// The optimisers' names as written, each with its most and fewest constants.
  static let arities: [String: ClosedRange<Int>] = ["sgd": 1...1, "momentum": 1...2, "adam": 1...4]

  /// The choice `name` makes with `constants` (a count within `arities[name]`).
  init(name: String, constants: [Double]) {
    func constant(_ index: Int, else value: Double) -> Double {
      constants.indices.contains(index) ? constants[index] : value
    }
    switch name {
    case "sgd": self = .sgd(learningRate: constants[0])
    case "momentum": self = .momentum(learningRate: constants[0], momentum: constant(1, else: 0.9))
    default:
      self = .adam(
        learningRate: constants[0], beta1: constant(1, else: 0.9), beta2: constant(2, else: 0.999),
        epsilon: constant(3, else: 1e-8))
    }
  }

  /// A fresh optimiser (no momentum or moments yet).
  public func make() -> any Optimizer {
    switch self {
    case .sgd(let rate): SGD(learningRate: rate)
    case .momentum(let rate, let momentum): Momentum(learningRate: rate, momentum: momentum)
    case .adam(let rate, let beta1, let beta2, let epsilon):
      Adam(learningRate: rate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }
  }
}
