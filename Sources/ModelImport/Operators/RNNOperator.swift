import Autodiff

/// ONNX `RNN` (`nn.RNN`, one node per layer), unrolled step by step (see `Recurrence`):
/// h = f(x·W + h·R + Wb + Rb) with f `Tanh` (the default) or `Relu` (`nonlinearity="relu"`).
enum RNNOperator: OnnxOperator {
  static let opType = "RNN"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    let r = try Recurrence(&node, gates: 1)
    let activations = try node.strings("activations") ?? Array(repeating: "Tanh", count: r.reversed.count)
    guard activations.count == r.reversed.count, activations.allSatisfy({ $0 == "Tanh" || $0 == "Relu" })
    else {
      throw node.error("activations \(activations) are not supported (Tanh or Relu for each direction)")
    }
    let alpha = try node.floats("activation_alpha")
    let beta = try node.floats("activation_beta")
    if alpha != nil || beta != nil {
      throw node.error("activation_alpha and activation_beta are not supported")
    }
    var states = [[Variable]]()
    var finals: [[Variable]] = [[]]
    for d in r.reversed.indices {
      let weights = try r.weights(d, gates: 1)
      var h = try r.initialState(5, direction: d, name: "h0")
      var hs = Array(repeating: h, count: r.steps.count)
      for t in r.order(d) {
        let sum = try r.preactivation(step: t, state: h, weights)
        h = try r.activate(sum, activations[d])
        hs[t] = h
      }
      states.append(hs)
      finals[0].append(h)
    }
    return try r.outputs(states: states, finals: finals)
  }
}
