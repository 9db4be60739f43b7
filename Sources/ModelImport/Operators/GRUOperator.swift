import Autodiff

/// ONNX `GRU` (`nn.GRU`, one node per layer), unrolled step by step (see `Recurrence`): with the
/// gates in ONNX's order z, r, h,
/// z = σ(x·W_z + h·R_z + b), r = σ(…), n = tanh(x·W_h + r·(h·R_h + Rb_h) + Wb_h) (PyTorch's
/// `linear_before_reset` 1; with 0, tanh(x·W_h + (r·h)·R_h + b_h)), h = n + z·(h − n).
enum GRUOperator: OnnxOperator {
  static let opType = "GRU"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    let r = try Recurrence(&node, gates: 3)
    try Recurrence.checkActivations(&node, ["Sigmoid", "Tanh"], directions: r.reversed.count)
    let resetAfter = try node.int("linear_before_reset", default: 0) != 0
    var states = [[Variable]]()
    var finals: [[Variable]] = [[]]
    for d in r.reversed.indices {
      let weights = try r.weights(d, gates: 3)
      var h = try r.initialState(5, direction: d, name: "h0")
      var hs = Array(repeating: h, count: r.steps.count)
      let candidateWeights = try r.gate(weights.recurrent, 2)
      let candidateBias = try weights.recurrentBias.map { (bias) throws(ModelImportError) in
        try r.gate(bias, 2)
      }
      for t in r.order(d) {
        let fromInput = try r.affine(r.steps[t], weights.input, weights.inputBias)
        let fromState = try r.affine(h, weights.recurrent, weights.recurrentBias)
        let update = try node.call(
          Sigmoid(), [try node.call(Add(), [try r.gate(fromInput, 0), try r.gate(fromState, 0)])])
        let reset = try node.call(
          Sigmoid(), [try node.call(Add(), [try r.gate(fromInput, 1), try r.gate(fromState, 1)])])
        let recurrentPart =
          resetAfter
          ? try node.call(Mul(), [reset, try r.gate(fromState, 2)])
          : try r.affine(try node.call(Mul(), [reset, h]), candidateWeights, candidateBias)
        let candidate = try node.call(
          Tanh(), [try node.call(Add(), [try r.gate(fromInput, 2), recurrentPart])])
        let change = try node.call(Mul(), [update, try node.call(Sub(), [h, candidate])])
        h = try node.call(Add(), [candidate, change])
        hs[t] = h
      }
      states.append(hs)
      finals[0].append(h)
    }
    return try r.outputs(states: states, finals: finals)
  }
}
