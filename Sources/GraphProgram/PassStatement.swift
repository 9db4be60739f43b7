/// A statement that runs after the forward pass, in the order written: a `backward` line or a
/// `cleargrad` line.
public enum PassStatement: Equatable, Sendable {
  /// `backward`: a backward pass from the output, adding to the gradients already there.
  case backward
  /// `cleargrad`: every variable's gradient cleared.
  case cleargrad
}
