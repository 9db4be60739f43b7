// The steps of a backward pass that records its own functions (`createGraph: true`), as DeZero's
// step 36: every gradient is a variable, computed by the function's backward on variables with
// recording on, and accumulated with a recorded `Add`.
extension BackwardPass {
  /// Runs `function`'s backward on variables, accumulates the results into its inputs' gradient
  /// variables, and, when `describing`, says what it did and recorded.
  mutating func recordStep(of function: Function, describing: Bool) -> BackwardStep? {
    GradMode.isEnabled
      ? recordStepWhileRecording(of: function, describing: describing)
      : GradMode.with(true) { recordStepWhileRecording(of: function, describing: describing) }
  }

  /// `recordStep(of:describing:)`, with recording on.
  private mutating func recordStepWhileRecording(of function: Function, describing: Bool) -> BackwardStep? {
    let gys = outputGradVariables(of: function)
    let inputCount = function.inputCount
    // What the step's walk stops at: everything that existed before the step.
    let boundary =
      describing
      ? function.inputs + function.outputs.compactMap { $0 } + gys
        + (0..<inputCount).compactMap { function.input(at: $0).gradVariable } : []
    let gxs = function.backward(gys)
    precondition(
      gxs.count == inputCount,
      "\(function.name).backward returned \(gxs.count) gradients for \(inputCount) inputs")
    var before = [Variable?]()
    var after = [Variable]()
    before.reserveCapacity(inputCount)
    after.reserveCapacity(inputCount)
    for position in 0..<inputCount {
      let input = function.input(at: position)
      precondition(
        gxs[position].shape == input.shape,
        "\(function.name).backward gave input \(position) a gradient of shape \(formatShape(gxs[position].shape))"
          + " for shape \(formatShape(input.shape))")
      let previous = input.gradVariable ?? input._grad.map { Variable($0) }
      let sum = previous.map { Autodiff.add($0, gxs[position]) } ?? gxs[position]
      input.setGradVariable(sum, ownedBy: output)
      scheduleCreator(of: input)
      before.append(previous)
      after.append(sum)
    }
    forgetOutputGrads(of: function)
    guard describing else { return nil }
    let recorded = RecordedBackward(
      outputGrads: gys, inputGrads: gxs, inputGradsAfter: after,
      functions: ComputationGraph(outputs: after, stoppingAt: boundary).functions)
    return BackwardStep(
      function: function, outputGrads: gys.map(\.data), inputGrads: gxs.map(\.data),
      inputGradsBefore: before.map { $0?.data }, inputGradsAfter: after.map(\.data), recorded: recorded)
  }

  /// The gradients of `function`'s outputs as variables: each output's gradient variable, a leaf
  /// holding its `grad` when it has no gradient variable, a leaf of zeros when it has neither or was
  /// freed.
  private func outputGradVariables(of function: Function) -> [Variable] {
    (0..<function.outputCount).map { position in
      guard let output = function.output(at: position) else {
        return Variable(Tensor(repeating: 0, shape: function.outputShape(at: position)))
      }
      return output.gradVariable ?? Variable(output._grad ?? Tensor(repeating: 0, shape: output.shape))
    }
  }
}
