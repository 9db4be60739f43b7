import Autodiff

/// What the command line adds to a model file: input values, the loss, and where external data is.
public struct ImportOptions {
  /// Values for graph inputs by name (`--set x=…`, `--input x=FILE.npy`); each must have the
  /// input's shape (symbolic dimensions take any length).
  public var inputValues: [String: Tensor]
  /// Where backward starts.
  public var loss: LossChoice
  /// The directory of the model file, for external data; `nil` for standard input.
  public var directory: String?

  /// Options with the given values, loss and directory.
  public init(inputValues: [String: Tensor] = [:], loss: LossChoice = .automatic, directory: String? = nil) {
    self.inputValues = inputValues
    self.loss = loss
    self.directory = directory
  }
}

/// The loss backward starts from.
public enum LossChoice: Equatable, Sendable {
  /// The output itself when it is a scalar, otherwise `sum(output)` (as `out.sum().backward()`).
  case automatic
  /// The mean of the output's elements.
  case mean
  /// The mean squared error against a target of the output's shape (or one that broadcasts to it).
  case meanSquaredError(target: Tensor)
  /// Softmax cross-entropy of logits `(N, C)` against one class index per row, averaged.
  case crossEntropy(labels: [Int])
}
