import Autodiff
import Stepping

/// What the caller's graph held before GradStep stepped through it, and how to give it back.
///
/// A session clears, seeds and accumulates gradients in the graph's own variables, and an edit
/// replays the forward pass in them. The Swift API promises to leave the caller's graph as it
/// found it, except for what an edit changes on purpose: ``restore()`` puts every gradient back,
/// keeps an edited input's new value, and recomputes the data of the variables that depend on it.
struct CallerGraphState {
  private let graph: GraphModel
  private let data: [Tensor]
  private let grads: [Tensor?]
  private let gradVariables: [Variable?]

  /// Records the data and grad of every variable of the graph that produced `output`.
  init(of output: Variable) {
    graph = GraphModel(output: output)
    data = graph.variables.map(\.variable.data)
    grads = graph.variables.map(\.variable.grad)
    gradVariables = graph.variables.map(\.variable.gradVariable)
  }

  /// Gives every variable back the grad (and `gradVariable`) it had when recorded. When no input changed, every
  /// variable gets its recorded data back; otherwise the inputs keep their new values and the
  /// forward pass runs again, in evaluation order, so every other variable holds data computed
  /// from them.
  func restore() {
    let inputsEdited = graph.variables.indices.contains { index in
      graph.variables[index].isLeaf && graph.variables[index].variable.data != data[index]
    }
    if inputsEdited {
      for node in graph.functions {
        let outputs = node.function.forward(node.inputs.map { graph.variables[$0].variable.data })
        for (output, value) in zip(node.outputs, outputs) { graph.variables[output].variable.data = value }
      }
    } else {
      for (node, value) in zip(graph.variables, data) { node.variable.data = value }
    }
    for index in graph.variables.indices {
      graph.variables[index].variable.restoreGradient(grads[index], variable: gradVariables[index])
    }
  }
}
