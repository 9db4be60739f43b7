/// Where a session's cursor is in the timeline.
public enum Phase: String, Sendable {
  /// Step 0: only the inputs have data.
  case start
  /// Between the first forward step and the end of the forward pass.
  case forward
  /// The output's gradient has just been seeded.
  case seed
  /// Backward steps, before the last.
  case backward
  /// Every gradient has just been cleared (a program's `cleargrad`).
  case cleargrad
  /// After the last step.
  case done
}
