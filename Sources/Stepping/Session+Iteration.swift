extension Session {
  /// The timeline of iteration `entry` of `optimization` (a run on this session's graph): its
  /// parameters put back in the graph, its forward pass replayed and its backward pass recorded
  /// again, with the cursor at the same step.
  public func atIteration(_ entry: Int, of optimization: Optimization) -> Session {
    optimization.apply(entry, to: graph)
    return rebuilt()
  }
}
