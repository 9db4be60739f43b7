import Autodiff

extension GraphModel {
  /// The graph's functions as a `Tape`, to replay them.
  public var tape: Tape {
    Tape(output: variables[output].variable, functions: functions.map(\.function))
  }

  /// Runs every function's forward again, in evaluation order, on its inputs' current data, and
  /// stores the results in its outputs: the forward pass replayed in the graph's own variables
  /// after an input changed (an edit, an iteration), without building anything new.
  public func replayForward() {
    tape.forward()
  }
}
