import Autodiff

extension Session {
  /// One gradient a backward step sent to a variable: one term of the sum its grad is.
  public struct Contribution {
    /// The step that sent it (1-based, as the cursor counts).
    public let step: Int
    /// The function whose backward sent it (an index into `GraphModel.functions`).
    public let function: Int
    /// Which of the function's inputs received it (a function using the variable twice sends two).
    public let position: Int
    /// The gradient sent.
    public let gradient: Tensor
  }

  /// The gradients backward steps have sent to `variable` up to the cursor since gradients were
  /// last cleared, in timeline order: its grad at the cursor is their sum (backprop through time
  /// adds one per use of a shared weight).
  public func contributions(to variable: Int) -> [Contribution] {
    let consumers = Set(graph.variables[variable].consumers)
    guard !consumers.isEmpty, !graph.gradientFree.contains(variable) else { return [] }
    var found = [Contribution]()
    for index in stride(from: cursor - 1, through: 0, by: -1) {
      let step = steps[index]
      if step.kind == .cleargrad { break }
      guard case .backward(let function) = step.kind, consumers.contains(function) else { continue }
      for (position, input) in graph.functions[function].inputs.enumerated().reversed()
      where input == variable {
        found.append(
          Contribution(
            step: index + 1, function: function, position: position, gradient: step.inputGrads[position]))
      }
    }
    return found.reversed()
  }
}
