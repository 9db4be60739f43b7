import Autodiff

/// The shared part of ONNX's recurrent operators (`RNN`, `GRU`, `LSTM`), unrolled into Autodiff
/// functions step by step, as PyTorch's autograd records them: the input `X` cut into time steps,
/// each direction's weights (`W`, `R`, the biases `B` split into input and recurrent halves),
/// the initial states, and the outputs `Y` (every step's hidden state) and `Y_h` (the last one).
/// Directions `forward`, `reverse` and `bidirectional`, both layouts; `sequence_lens`, `clip`,
/// and activations other than the defaults are refused, naming the node.
struct Recurrence {
  /// The node, for its errors and shape-checked calls.
  let node: NodeContext
  /// The hidden size.
  let hidden: Int
  /// For each direction, whether it runs backward in time.
  let reversed: [Bool]
  /// Whether X, Y and the states are batch-first (`layout` 1).
  let batchFirst: Bool
  /// X at each time step, `(batch, input)`.
  let steps: [Variable]
  /// The batch size.
  let batch: Int

  /// One direction's weights, transposed for `x · W`: the gates side by side in ONNX's order.
  struct Weights {
    /// `W` transposed, `(input, gates · hidden)`.
    let input: Variable
    /// `R` transposed, `(hidden, gates · hidden)`.
    let recurrent: Variable
    /// `Wb`, `(gates · hidden)`; `nil` without `B`.
    let inputBias: Variable?
    /// `Rb`, `(gates · hidden)`; `nil` without `B`.
    let recurrentBias: Variable?
  }

  /// Reads the attributes and inputs shared by the three operators, whose weights hold `gates`
  /// blocks, and cuts X into time steps.
  init(_ node: inout NodeContext, gates: Int) throws(ModelImportError) {
    try node.expectInputs(3, 8)
    let direction = try node.string("direction", default: "forward")
    switch direction {
    case "forward": reversed = [false]
    case "reverse": reversed = [true]
    case "bidirectional": reversed = [false, true]
    default: throw node.error("attribute direction \(direction) must be forward, reverse or bidirectional")
    }
    let layout = try node.int("layout", default: 0)
    guard layout == 0 || layout == 1 else { throw node.error("attribute layout \(layout) must be 0 or 1") }
    batchFirst = layout == 1
    if try node.float("clip", default: 0) != 0 { throw node.error("attribute clip is not supported") }
    if node.has(4) {
      throw node.error("input 4 (sequence_lens) is not supported: every sequence runs to its end")
    }
    let x = try node.variable(0)
    guard x.shape.count == 3 else { throw node.error("expected X of rank 3, got \(formatShape(x.shape))") }
    let length = x.shape[batchFirst ? 1 : 0]
    batch = x.shape[batchFirst ? 0 : 1]
    let w = try node.variable(1)
    guard w.shape.count == 3, w.shape[0] == reversed.count, w.shape[1] % gates == 0, w.shape[2] == x.shape[2]
    else {
      throw node.error(
        "expected W of shape (\(reversed.count), \(gates) · hidden, \(x.shape[2])), got \(formatShape(w.shape))"
      )
    }
    hidden = try node.int("hidden_size", default: w.shape[1] / gates)
    guard hidden * gates == w.shape[1] else {
      throw node.error("attribute hidden_size \(hidden) does not fit W of shape \(formatShape(w.shape))")
    }
    var steps = [Variable]()
    for t in 0..<length {
      steps.append(try node.call(GetItem(batchFirst ? [.all, .index(t)] : [.index(t)]), [x]))
    }
    self.steps = steps
    self.node = node
  }

  /// Direction `d`'s weights, with `R` and `B` checked against the hidden size.
  func weights(_ d: Int, gates: Int) throws(ModelImportError) -> Weights {
    let width = gates * hidden
    let r = try node.variable(2)
    guard r.shape == [reversed.count, width, hidden] else {
      throw node.error(
        "expected R of shape (\(reversed.count), \(width), \(hidden)), got \(formatShape(r.shape))")
    }
    let input = try node.call(
      Transpose([1, 0]), [try node.call(GetItem([.index(d)]), [try node.variable(1)])])
    let recurrent = try node.call(Transpose([1, 0]), [try node.call(GetItem([.index(d)]), [r])])
    guard node.has(3) else {
      return Weights(input: input, recurrent: recurrent, inputBias: nil, recurrentBias: nil)
    }
    let b = try node.variable(3)
    guard b.shape == [reversed.count, 2 * width] else {
      throw node.error("expected B of shape (\(reversed.count), \(2 * width)), got \(formatShape(b.shape))")
    }
    return Weights(
      input: input, recurrent: recurrent,
      inputBias: try node.call(GetItem([.index(d), .slice(start: 0, stop: width, step: 1)]), [b]),
      recurrentBias: try node.call(GetItem([.index(d), .slice(start: width, stop: 2 * width, step: 1)]), [b]))
  }

  /// Direction `d`'s initial state from input `index` (`initial_h`, `initial_c`), or zeros.
  func initialState(_ index: Int, direction d: Int, name: String) throws(ModelImportError) -> Variable {
    guard node.has(index) else {
      return Variable(Tensor(repeating: 0, shape: [batch, hidden]), name: name)
    }
    let state = try node.variable(index)
    let expected = batchFirst ? [batch, reversed.count, hidden] : [reversed.count, batch, hidden]
    guard state.shape == expected else {
      throw node.error(
        "expected input \(index) of shape \(formatShape(expected)), got \(formatShape(state.shape))")
    }
    return try node.call(GetItem(batchFirst ? [.all, .index(d)] : [.index(d)]), [state])
  }

  /// The time steps in the order direction `d` visits them.
  func order(_ d: Int) -> [Int] { reversed[d] ? Array(steps.indices.reversed()) : Array(steps.indices) }

  /// `x · w + bias` (the bias omitted when `nil`).
  func affine(_ x: Variable, _ w: Variable, _ bias: Variable?) throws(ModelImportError) -> Variable {
    let product = try node.call(MatMul(), [x, w])
    guard let bias else { return product }
    return try node.call(Add(), [product, bias])
  }

  /// Step `t`'s input and state terms added, `x·W + Wb + h·R + Rb`: what an RNN's or LSTM's gates
  /// start from.
  func preactivation(step t: Int, state h: Variable, _ weights: Weights) throws(ModelImportError) -> Variable
  {
    try node.call(
      Add(),
      [
        try affine(steps[t], weights.input, weights.inputBias),
        try affine(h, weights.recurrent, weights.recurrentBias),
      ])
  }

  /// Gate `k` of `gates` (`(batch, gates · hidden)` or `(gates · hidden)`), in ONNX's order.
  func gate(_ gates: Variable, _ k: Int) throws(ModelImportError) -> Variable {
    let slice = IndexItem.slice(start: k * hidden, stop: (k + 1) * hidden, step: 1)
    return try node.call(GetItem(gates.shape.count == 1 ? [slice] : [.all, slice]), [gates])
  }

  /// `f(x)` for an activation `f` by its ONNX name.
  func activate(_ x: Variable, _ activation: String) throws(ModelImportError) -> Variable {
    switch activation {
    case "Sigmoid": try node.call(Sigmoid(), [x])
    case "Tanh": try node.call(Tanh(), [x])
    case "Relu": try node.call(ReLU(), [x])
    default: throw node.error("activation \(activation) is not supported (Sigmoid, Tanh, Relu)")
    }
  }

  /// The node's outputs from each direction's state at each time step (`states[d][t]`) and its
  /// last ones (`finals[k][d]` for `Y_h`, then `Y_c`): `Y` `(seq, directions, batch, hidden)` and
  /// each final `(directions, batch, hidden)` (batch-first with `layout` 1). An output the node
  /// does not name is not built (its place holds an empty constant).
  func outputs(states: [[Variable]], finals: [[Variable]]) throws(ModelImportError) -> [Value] {
    let names = node.node.output
    var values = [Value]()
    if names.first.map({ !$0.isEmpty }) ?? false {
      var perStep = [Variable]()
      for t in steps.indices {
        let parts = try reversed.indices.map { (d) throws(ModelImportError) in
          try node.call(Reshape([1, 1, batch, hidden]), [states[d][t]])
        }
        perStep.append(try concat(parts, axis: 1))
      }
      let y = try concat(perStep, axis: 0)
      values.append(.variable(batchFirst ? try node.call(Transpose([2, 0, 1, 3]), [y]) : y))
    } else {
      values.append(.constant(Tensor(shape: [0], scalars: []), name: ""))
    }
    for (k, last) in finals.enumerated() {
      guard k + 1 < names.count else { break }
      guard !names[k + 1].isEmpty else {
        values.append(.constant(Tensor(shape: [0], scalars: []), name: ""))
        continue
      }
      let parts = try last.map { (state) throws(ModelImportError) in
        try node.call(Reshape([1, batch, hidden]), [state])
      }
      let y = try concat(parts, axis: 0)
      values.append(.variable(batchFirst ? try node.call(Transpose([1, 0, 2]), [y]) : y))
    }
    return values
  }

  /// The parts joined along `axis`; a single part as it is.
  private func concat(_ parts: [Variable], axis: Int) throws(ModelImportError) -> Variable {
    parts.count == 1 ? parts[0] : try node.call(Concat(axis: axis), parts)
  }

  /// Throws unless the `activations` attribute is absent or lists `defaults` for each direction.
  static func checkActivations(_ node: inout NodeContext, _ defaults: [String], directions: Int)
    throws(ModelImportError)
  {
    guard let listed = try node.strings("activations") else { return }
    let expected = Array(Array(repeating: defaults, count: directions).joined())
    guard listed == expected else {
      throw node.error("activations \(listed) are not supported (only \(expected))")
    }
    let alpha = try node.floats("activation_alpha")
    let beta = try node.floats("activation_beta")
    if alpha != nil || beta != nil {
      throw node.error("activation_alpha and activation_beta are not supported")
    }
  }
}
