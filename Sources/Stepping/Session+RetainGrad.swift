extension Session {
  /// Whether, with DeZero's `retain_grad=False`, `variable`'s gradient has been freed at the
  /// cursor: it is a function's output, and that function's backward has run and used it.
  /// Inputs (leaves) keep their gradients.
  public func gradIsFreed(_ variable: Int) -> Bool {
    guard let creator = graph.variables[variable].creator else { return false }
    return backwardStep(of: creator) <= cursor
  }
}
