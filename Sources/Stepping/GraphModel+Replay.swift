import Autodiff

extension GraphModel {
  /// Runs every function's forward again, in evaluation order, on its inputs' current data, and
  /// stores the results in its outputs: the forward pass replayed in the graph's own variables
  /// after an input changed (an edit, an iteration), without building anything new.
  public func replayForward() {
    for node in functions {
      let outputs = node.function.forward(node.inputs.map { variables[$0].variable.data })
      for (output, data) in zip(node.outputs, outputs) { variables[output].variable.data = data }
    }
  }
}
