/// What one step of a backward pass did: one function's backward, and where its results went.
public struct BackwardStep {
  /// The function whose backward ran.
  public let function: Function
  /// The gradients of its outputs that were fed in (`gy`), in output order.
  public let outputGrads: [Tensor]
  /// The gradients it produced for its inputs (`gx`), in input order.
  public let inputGrads: [Tensor]
  /// Each input's `grad` before this step (`nil` when it had none).
  public let inputGradsBefore: [Tensor?]
  /// Each input's `grad` after accumulation (`before + gx`, or `gx` when there was none before).
  public let inputGradsAfter: [Tensor]
  /// What the step recorded, when the pass records its graph (`createGraph: true`); else `nil`.
  public var recorded: RecordedBackward? = nil
}

/// What one step of a backward pass with `createGraph: true` added to the graph of the backward
/// pass: the same gradients as the step's tensors, as variables, and the functions that made them.
public struct RecordedBackward {
  /// The gradients of the function's outputs, as variables (`gy`); a leaf holding zeros for an
  /// output that had none, a leaf holding `grad` for one whose gradient kept no graph.
  public let outputGrads: [Variable]
  /// The gradients the function's backward on variables returned for its inputs (`gx`).
  public let inputGrads: [Variable]
  /// Each input's gradient variable after accumulation: the output of a recorded `Add` of the one it
  /// had and `gx` when it had one, otherwise `gx` itself (which may be a `gy`: `Add` passes it on).
  public let inputGradsAfter: [Variable]
  /// The functions this step recorded, in evaluation order: those of the backward's formulas (for
  /// `Square`, the two `Mul`s of 2·x·gy) followed by the accumulating `Add`s. Empty when the backward
  /// only passed gradients on (`Add` without broadcasting).
  public let functions: [Function]
}
