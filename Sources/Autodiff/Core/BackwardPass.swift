import Synchronization

/// A backward pass that runs one function's backward per call to `next()`.
///
/// Functions are visited in decreasing generation, as DeZero does from its step 16, so every
/// function runs only after all gradients of its outputs have arrived. The pass never recurses
/// and keeps pending functions in buckets by generation, so it is linear in the size of the graph
/// (DeZero re-sorts its pending list and goes quadratic on wide graphs).
/// `Variable.backward()` runs the same steps without recording them.
///
/// With `createGraph: true` each step computes the gradients with the function's backward on
/// variables, recording the functions it uses (see `BackwardPass+CreateGraph.swift`): the pass
/// builds the graph of the backward pass as it goes, step by step, and each step's `recorded` says
/// which functions it added.
///
/// A function remembers the last pass that scheduled it, so two passes interleaved over one graph
/// would each miss functions: finish one pass before starting another on the same graph.
public struct BackwardPass: IteratorProtocol {
  /// The variable the pass started from.
  public let output: Variable
  /// Whether intermediate gradients are kept; when `false` each output's gradient is freed once
  /// its function has used it, as DeZero's `retain_grad=False`.
  public let retainGrad: Bool
  /// Whether the pass records its own functions, so that every gradient is also a variable with a
  /// creator (`Variable.gradVariable`) that can be differentiated again (DeZero's `create_graph`).
  public let createGraph: Bool
  var pending = PendingFunctions()
  /// This pass's mark in `Function.scheduledBy`, unique among passes.
  let stamp = BackwardPass.passCount.add(1, ordering: .relaxed).newValue

  /// How many passes have been created, for their stamps.
  private static let passCount = Atomic<Int>(0)

  /// Prepares a pass from `output`, seeding `output.grad` with ones when it is `nil` (with
  /// `createGraph`, also `output.gradVariable`, as a leaf holding `grad`, when it has none).
  public init(from output: Variable, retainGrad: Bool = true, createGraph: Bool = false) {
    self.output = output
    self.retainGrad = retainGrad
    self.createGraph = createGraph
    if output._grad == nil { output._grad = Tensor.ones(like: output.data) }  // so no gradVariable either
    if createGraph, output.gradVariable == nil {
      output.setGradVariable(Variable(output._grad!), ownedBy: output)
    }
    scheduleCreator(of: output)
  }

  /// Whether every function has run.
  public var isFinished: Bool { pending.isEmpty }

  /// Schedules the creator of `variable`, object or deferred, unless this pass already did.
  /// Inlined: it runs once per input update, and the call was a third of `add`'s cost in W1.
  @inline(__always)
  mutating func scheduleCreator(of variable: Variable) {
    if let creator = variable._creator {
      guard creator.scheduledBy != stamp else { return }
      creator.scheduledBy = stamp
      pending.push(.object(Unmanaged.passUnretained(creator)))
    } else if variable._deferred != nil {
      guard variable.scheduledBy != stamp else { return }
      variable.scheduledBy = stamp
      pending.push(.deferred(of: Unmanaged.passUnretained(variable)))
    }
  }

  /// Runs the backward of the next function (the most recently scheduled one of the highest
  /// generation), accumulates into its inputs' `grad`, and says what it did; `nil` when done.
  public mutating func next() -> BackwardStep? {
    guard let function = pending.pop().map(Self.object) else { return nil }
    if createGraph { return recordStep(of: function, describing: true) }
    let (gys, gxs) = gradients(of: function)
    let inputCount = gxs.count
    var before = [Tensor?]()
    var after = [Tensor]()
    before.reserveCapacity(inputCount)
    after.reserveCapacity(inputCount)
    for position in 0..<inputCount {
      let input = function.input(at: position)
      before.append(accumulate(gxs[position], into: input))
      after.append(input._grad!)
    }
    forgetOutputGrads(of: function)
    return BackwardStep(
      function: function, outputGrads: gys.array, inputGrads: gxs.array, inputGradsBefore: before,
      inputGradsAfter: after)
  }

  /// The function object of `function`, made now if it was deferred.
  static func object(_ function: PendingFunction) -> Function {
    switch function {
    case .object(let function): function.takeUnretainedValue()
    case .deferred(let output): output.takeUnretainedValue().creator!
    }
  }

  /// Runs every remaining step as `next()` does, without describing them (nor, unless the pass
  /// records its graph, making the function objects of deferred creators).
  mutating func run() {
    if createGraph {
      while let function = pending.pop() { _ = recordStep(of: Self.object(function), describing: false) }
      return
    }
    while let function = pending.pop() {
      switch function {
      case .object(let function): function._withUnsafeGuaranteedRef { run($0) }
      case .deferred(let output):
        output._withUnsafeGuaranteedRef { output in
          if output._deferred == nil {
            run(output.creator!)  // made into an object since it was scheduled
          } else {
            runDeferredCreator(of: output)
          }
        }
      }
    }
  }

  /// One step of `run()` for a function object.
  private mutating func run(_ function: Function) {
    let gxs = gradients(of: function).inputs
    if function.secondInput == nil, let input = function.firstInput.map(Unmanaged.passUnretained) {
      // The function holds its input, and nothing here can replace its inputs: no retain needed.
      input._withUnsafeGuaranteedRef { add(gxs[0], to: $0) }
    } else {
      for position in 0..<gxs.count { add(gxs[position], to: function.input(at: position)) }
    }
    forgetOutputGrads(of: function)
  }

  /// One step of `run()` for the deferred creator of `output`, from its record.
  private mutating func runDeferredCreator(of output: Variable) {
    // The record holds its inputs, and nothing here can replace the record: no retains needed.
    // An op on scalars with a scalar gradient (a scalar graph, as the seed's): the op's arithmetic
    // on the `Double`s, without tensors or `Gradients` around them.
    if let (first, second) = Self.runScalarStep(of: output, retainGrad: retainGrad) {
      first._withUnsafeGuaranteedRef { scheduleCreator(of: $0) }
      second?._withUnsafeGuaranteedRef { scheduleCreator(of: $0) }
      return
    }
    let creator = output._deferred!
    let first = creator.first
    let gxs = creator.op.inputGradients(
      first: first._withUnsafeGuaranteedRef(\._data),
      second: creator.second?._withUnsafeGuaranteedRef(\._data),
      gy: output._grad ?? Tensor(repeating: 0, shape: output.shape))
    first._withUnsafeGuaranteedRef { add(gxs[0], to: $0) }
    if let second = creator.second {
      second._withUnsafeGuaranteedRef { add(gxs[1], to: $0) }
    }
    if !retainGrad {
      output._grad = nil
      output.forgetGradVariable()
    }
  }

  /// The gradients of `function`'s outputs and, from its backward, of its inputs (one per input).
  private func gradients(of function: Function) -> (outputs: Gradients, inputs: Gradients) {
    let gys = outputGrads(of: function)
    let gxs = function.inputGradients(gys)
    let inputCount = function.inputCount
    precondition(
      gxs.count == inputCount,
      "\(function.name).backward returned \(gxs.count) gradients for \(inputCount) inputs")
    return (gys, gxs)
  }

  /// Frees the gradients of `function`'s outputs unless the pass retains them (and, when the pass
  /// records its graph, lets go of their gradient variables).
  func forgetOutputGrads(of function: Function) {
    guard !retainGrad else { return }
    for position in 0..<function.outputCount {
      guard let variable = function.output(at: position) else { continue }
      variable.grad = nil
      if createGraph { output._extras?.owned[ObjectIdentifier(variable)] = nil }
    }
  }

  /// `add(gradient, to: input)`, returning the gradient `input` had before.
  private mutating func accumulate(_ gradient: Tensor, into input: Variable) -> Tensor? {
    let previous = input._grad
    add(gradient, to: input)
    return previous
  }

  /// Adds `gradient` to `input.grad` (see `Variable.addGradient`) and schedules the input's creator.
  @inline(__always)  // once per input update: the call showed up in W1's profile
  private mutating func add(_ gradient: Tensor, to input: Variable) {
    input.addGradient(gradient)
    scheduleCreator(of: input)
  }

  /// The gradients of `function`'s outputs, zeros for an output that has none or was freed.
  private func outputGrads(of function: Function) -> Gradients {
    if function.outputCount == 1 {
      return .one(
        function.firstOutput?._withUnsafeGuaranteedRef { $0._grad }
          ?? Tensor(repeating: 0, shape: function.firstOutputShape))
    }
    func grad(_ position: Int) -> Tensor {
      function.output(at: position)?.grad ?? Tensor(repeating: 0, shape: function.outputShape(at: position))
    }
    let count = function.outputCount
    return .many((0..<count).map(grad))
  }
}
