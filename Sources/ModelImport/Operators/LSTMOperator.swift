import Autodiff

/// ONNX `LSTM` (`nn.LSTM`, one node per layer), unrolled step by step (see `Recurrence`): with the
/// gates in ONNX's order i, o, f, c,
/// i = σ(x·Wᵢ + h·Rᵢ + b), o = σ(…), f = σ(…), c̃ = tanh(…), c = f·c + i·c̃, h = o·tanh(c).
/// Peepholes (`P`) and `input_forget` are refused.
enum LSTMOperator: OnnxOperator {
  static let opType = "LSTM"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    let r = try Recurrence(&node, gates: 4)
    try Recurrence.checkActivations(
      &node, ["Sigmoid", "Tanh", "Tanh"], directions: r.reversed.count)
    if try node.int("input_forget", default: 0) != 0 {
      throw node.error("attribute input_forget is not supported")
    }
    if node.has(7) { throw node.error("input 7 (P, peepholes) is not supported") }
    var states = [[Variable]]()
    var finals: [[Variable]] = [[], []]
    for d in r.reversed.indices {
      let weights = try r.weights(d, gates: 4)
      var h = try r.initialState(5, direction: d, name: "h0")
      var c = try r.initialState(6, direction: d, name: "c0")
      var hs = Array(repeating: h, count: r.steps.count)
      for t in r.order(d) {
        let gates = try r.preactivation(step: t, state: h, weights)
        let input = try node.call(Sigmoid(), [try r.gate(gates, 0)])
        let output = try node.call(Sigmoid(), [try r.gate(gates, 1)])
        let forget = try node.call(Sigmoid(), [try r.gate(gates, 2)])
        let candidate = try node.call(Tanh(), [try r.gate(gates, 3)])
        c = try node.call(
          Add(), [try node.call(Mul(), [forget, c]), try node.call(Mul(), [input, candidate])])
        h = try node.call(Mul(), [output, try node.call(Tanh(), [c])])
        hs[t] = h
      }
      states.append(hs)
      finals[0].append(h)
      finals[1].append(c)
    }
    return try r.outputs(states: states, finals: finals)
  }
}
