import Autodiff

extension GraphModel {
  /// The output's value with the scalar inputs `inputs` set to each of `points` in turn (one value
  /// per input), the forward pass replayed for each; the loss surface or curve a plot draws.
  /// Afterwards the inputs get their values back and the forward pass is replayed once more, so
  /// the graph holds what it held before. A non-scalar output gives NaN.
  public func outputValues(varying inputs: [Int], at points: [[Double]]) -> [Double] {
    let variables = inputs.map { self.variables[$0].variable }
    let saved = variables.map(\.data)
    let output = self.variables[self.output].variable
    defer {
      for (variable, value) in zip(variables, saved) { variable.data = value }
      replayForward()
    }
    return points.map { point in
      for (variable, value) in zip(variables, point) { variable.data = Tensor(value) }
      replayForward()
      return output.data.scalar ?? .nan
    }
  }
}
