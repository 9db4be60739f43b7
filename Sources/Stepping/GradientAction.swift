/// What a session's timeline does after the forward pass, in order (a program's `backward` and
/// `cleargrad` lines).
public enum GradientAction: Equatable, Sendable {
  /// A backward pass from the output. Gradients add up: a pass after another, with no `cleargrad`
  /// between, adds to the gradients the leaves kept. As DeZero's `backward` (its default
  /// `retain_grad=False`) the earlier pass has freed the intermediates' gradients, so each leaf's
  /// gradient grows by one pass's worth (it doubles after the second pass).
  case backward
  /// Every variable's gradient is cleared (DeZero's `cleargrad`), so the next pass starts afresh.
  case cleargrad
}
