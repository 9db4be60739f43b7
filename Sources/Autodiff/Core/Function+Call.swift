/// Calling a function on variables, as the seed's `__call__`: run `forward`, wrap each result in a new
/// variable whose creator is the function, and record inputs, outputs and generation.
extension Function {
  /// Calls the function on `inputs` and returns all its outputs.
  ///
  /// Inside `withNoGrad` the outputs are leaves and the function records nothing (see `GradMode`).
  ///
  /// - Precondition: the input count matches `arity` and the shapes are accepted by `outputShapes`
  ///   (check with `outputShapes(for:)` first to get the error as a value).
  public final func callAsFunction(_ inputs: [Variable]) -> [Variable] {
    checkArity(inputs.count)
    checked { () throws(ShapeError) in _ = try outputShapes(for: inputs.map(\.shape)) }
    let ys = forward(inputs.map(\.data))
    guard GradMode.isEnabled else { return ys.map { Variable($0) } }
    firstInput = inputs.first
    secondInput = inputs.count > 1 ? inputs[1] : nil
    var generation = 0
    for input in inputs { generation = max(generation, input.generation) }
    _generation = generation
    let outputs = ys.map { Variable($0, creator: self) }
    _outputCount = outputs.count
    firstOutput = outputs.first.map(Unmanaged.passUnretained)
    firstOutputShape = ys.first?.shape ?? []
    if inputs.count > 2 || outputs.count > 1 {
      extras = FunctionExtras(
        laterInputs: Array(inputs.dropFirst(2)),
        laterOutputs: outputs.dropFirst().map { OutputSlot(variable: $0, shape: $0.shape) })
    } else if extras != nil {
      extras = nil
    }
    return outputs
  }

  /// Calls a function on its inputs and returns its first output: `Square()(x)`, as the seed writes `A(x)`.
  public final func callAsFunction(_ inputs: Variable...) -> Variable {
    callAsFunction(inputs)[0]
  }

  /// Calls a function on one input and returns its first output: `Square()(x)`.
  public final func callAsFunction(_ x: Variable) -> Variable {
    call(x)
  }

  /// Calls a function on two inputs and returns its first output: `Add()(a, b)`.
  public final func callAsFunction(_ a: Variable, _ b: Variable) -> Variable {
    call(a, b)
  }

  /// Traps unless `count` inputs suit `arity`.
  final func checkArity(_ count: Int) {
    if let arity {
      precondition(count == arity, "\(name) takes \(arity) input(s), got \(count)")
    }
  }

  /// Records a call on `first` (and `second`) that produced the single output `y`, and returns the
  /// output variable: what `callAsFunction(_:)` records, without its arrays. Inside `withNoGrad`
  /// it records nothing and returns a leaf.
  final func connect(_ first: Variable, _ second: Variable?, producing y: Tensor) -> Variable {
    guard GradMode.isEnabled else { return Variable(y) }
    recordInputs(first, second)
    recordOutputShape(of: y)
    let output = Variable(y, creator: self)
    firstOutput = Unmanaged.passUnretained(output)
    return output
  }

  /// Records a call on `first` (and `second`) whose single output is the existing `output`, which
  /// holds this function from now on: how a deferred creator becomes an object.
  final func attach(_ first: Variable, _ second: Variable?, output: Variable) {
    recordInputs(first, second)
    recordOutputShape(of: output.data)
    firstOutput = Unmanaged.passUnretained(output)
  }

  /// Records one or two inputs, their generation, and a single output.
  private func recordInputs(_ first: Variable, _ second: Variable?) {
    firstInput = first
    secondInput = second
    if extras != nil { extras = nil }
    _generation = max(first.generation, second?.generation ?? 0)
    _outputCount = 1
  }

  /// Records the single output's shape (left empty for a scalar).
  private func recordOutputShape(of y: Tensor) {
    if case .array(let shape, _) = y.storage {
      firstOutputShape = shape
    } else if !firstOutputShape.isEmpty {
      firstOutputShape = []
    }
  }

  /// Input `position`, in argument order.
  final func input(at position: Int) -> Variable {
    switch position {
    case 0: firstInput!
    case 1: secondInput!
    default: extras!.laterInputs[position - 2]
    }
  }

  /// Output `position` if it is still alive.
  final func output(at position: Int) -> Variable? {
    position == 0 ? firstOutput?.takeUnretainedValue() : extras!.laterOutputs[position - 1].variable
  }

  /// The shape output `position` had when produced.
  final func outputShape(at position: Int) -> [Int] {
    position == 0 ? firstOutputShape : extras!.laterOutputs[position - 1].shape
  }

  /// Forgets `output`, which is being freed, so that `outputs` reads it as `nil`.
  @inline(__always)
  final func forgetOutput(_ output: Variable) {
    if firstOutput?.toOpaque() == Unmanaged.passUnretained(output).toOpaque() {
      firstOutput = nil
    } else {
      forgetLaterOutput(output)
    }
  }

  /// `forgetOutput(_:)` for an output after the first.
  private func forgetLaterOutput(_ output: Variable) {
    guard var later = extras.take() else { return }
    for position in later.laterOutputs.indices {
      if let variable = later.laterOutputs[position].variable, variable === output {
        later.laterOutputs[position].variable = nil
      }
    }
    extras = later
  }
}
