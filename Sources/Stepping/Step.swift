import Autodiff

/// One entry of a session's timeline: what a single step did.
public struct Step {
  /// Which part of the timeline a step belongs to.
  public enum Kind: Equatable {
    /// Function `function` (an index into `GraphModel.functions`) computed its outputs.
    case forward(function: Int)
    /// The output's gradient was set to ones, as the seed does with `y.grad = np.array(1.0)`.
    case seed(variable: Int)
    /// Function `function` ran its backward and its inputs received gradients.
    case backward(function: Int)
    /// Every gradient was cleared, as DeZero's `cleargrad` on every variable.
    case cleargrad
  }

  /// Which value of a variable a change touches.
  public enum Field: Equatable, Sendable {
    /// `data`.
    case data
    /// `grad`.
    case grad
  }

  /// One value that a step set: variable, field, the value before and after.
  public struct Change {
    /// The variable (an index into `GraphModel.variables`).
    public let variable: Int
    /// Which value.
    public let field: Field
    /// The value before the step (`nil`: not computed yet).
    public let old: Tensor?
    /// The value after the step.
    public let new: Tensor?
  }

  /// What kind of step this is.
  public let kind: Kind
  /// The backward pass a seed or backward step belongs to, counting from 1; for a `cleargrad` step,
  /// the pass before it; 0 for forward steps.
  public let pass: Int
  /// The values it set, in the order it set them (a variable used twice appears twice).
  public let changes: [Change]
  /// For a backward step: the gradients of the function's outputs that were fed in (`gy`).
  public let outputGrads: [Tensor]
  /// For a backward step: the gradients produced for each input (`gx`), in argument order.
  public let inputGrads: [Tensor]

  /// The active function, for forward and backward steps.
  public var function: Int? {
    switch kind {
    case .forward(let function), .backward(let function): return function
    case .seed, .cleargrad: return nil
    }
  }
}
