/// What one step of a backward pass did: one function's backward, and where its results went.
public struct BackwardStep {
  /// The function whose backward ran.
  public let function: Function
  /// The gradients of its outputs that were fed in (`gy`), in output order.
  public let outputGrads: [Tensor]
  /// The gradients it produced for its inputs (`gx`), in input order.
  public let inputGrads: [Tensor]
  /// Each input's `grad` before this step (`nil` when it had none).
  public let inputGradsBefore: [Tensor?]
  /// Each input's `grad` after accumulation (`before + gx`, or `gx` when there was none before).
  public let inputGradsAfter: [Tensor]
}

/// A backward pass that runs one function's backward per call to `next()`.
///
/// Functions are visited in decreasing generation, as DeZero does from its step 16, so every
/// function runs only after all gradients of its outputs have arrived. The pass never recurses
/// and keeps pending functions in buckets by generation, so it is linear in the size of the graph
/// (DeZero re-sorts its pending list and goes quadratic on wide graphs).
/// `Variable.backward()` is a loop over this type.
public struct BackwardPass: IteratorProtocol {
  /// The variable the pass started from.
  public let output: Variable
  /// Whether intermediate gradients are kept; when `false` each output's gradient is freed once
  /// its function has used it, as DeZero's `retain_grad=False`.
  public let retainGrad: Bool
  private var buckets: [[Function]]
  private var highest: Int
  private var seen: Set<ObjectIdentifier> = []

  /// Prepares a pass from `output`, seeding `output.grad` with ones when it is `nil`.
  public init(from output: Variable, retainGrad: Bool = true) {
    self.output = output
    self.retainGrad = retainGrad
    if output.grad == nil { output.grad = Tensor.ones(like: output.data) }
    buckets = []
    highest = -1
    if let creator = output.creator { schedule(creator) }
  }

  /// Whether every function has run.
  public var isFinished: Bool { highest < 0 }

  private mutating func schedule(_ function: Function) {
    guard seen.insert(ObjectIdentifier(function)).inserted else { return }
    let generation = function.generation
    if generation >= buckets.count {
      buckets.append(contentsOf: repeatElement([], count: generation + 1 - buckets.count))
    }
    buckets[generation].append(function)
    highest = max(highest, generation)
  }

  /// Runs the backward of the next function (the most recently scheduled one of the highest
  /// generation), accumulates into its inputs' `grad`, and says what it did; `nil` when done.
  public mutating func next() -> BackwardStep? {
    while highest >= 0 && buckets[highest].isEmpty { highest -= 1 }
    guard highest >= 0, let function = buckets[highest].popLast() else { return nil }
    let gys = function.outputs.enumerated().map { position, output in
      output?.grad ?? Tensor(repeating: 0, shape: function.outputShapesProduced[position])
    }
    let gxs = function.backward(gys)
    precondition(
      gxs.count == function.inputs.count,
      "\(function.name).backward returned \(gxs.count) gradients for \(function.inputs.count) inputs")
    var before = [Tensor?]()
    var after = [Tensor]()
    before.reserveCapacity(gxs.count)
    after.reserveCapacity(gxs.count)
    for (input, gx) in zip(function.inputs, gxs) {
      let previous = input.grad
      let accumulated = previous.map { $0 + gx } ?? gx
      input.grad = accumulated
      before.append(previous)
      after.append(accumulated)
      if let creator = input.creator { schedule(creator) }
    }
    if !retainGrad {
      for output in function.outputs { output?.grad = nil }
    }
    return BackwardStep(
      function: function, outputGrads: gys, inputGrads: gxs, inputGradsBefore: before, inputGradsAfter: after)
  }
}
