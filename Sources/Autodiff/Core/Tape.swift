/// A graph's forward and backward passes, compiled once to run again and again in the graph's own
/// variables, as an optimisation loop does every iteration (DeZero's loop rebuilds the graph each
/// time; here the functions stay and only the values change).
///
/// `forward()` recomputes every function's outputs from its inputs' current data, in evaluation
/// order. `backward()` is `output.backward(retainGrad: false)` after clearing every gradient: the
/// output seeded with ones, each function's backward run in reverse evaluation order (a valid order:
/// every consumer of a variable comes after it), and only the leaves keep their gradients.
///
/// The tape holds its functions and variables and refers to them by position without reference
/// counting, so that a pass over scalars allocates nothing and touches no counts: one-input
/// elementwise ops and two-input ops run on their data directly, other ops through their
/// `forward` and backward on arrays.
public struct Tape {
  private enum Kind {
    case elementwise(Unmanaged<ElementwiseFunction>)
    case binary(Unmanaged<BinaryFunction>)
    /// Any other function, with its inputs' and outputs' positions.
    case other(Unmanaged<Function>, inputs: [Int], outputs: [Int])
  }

  /// One function: its kind, and for one- and two-input ops the positions of its inputs and output.
  private struct Step {
    let kind: Kind
    let first: Int
    let second: Int
    let output: Int
  }

  private let steps: [Step]
  /// Every variable the steps read or write, each once, held here; `slots` refers to the same.
  private let variables: [Variable]
  private let functions: [Function]
  private let slots: [Unmanaged<Variable>]
  private let output: Int

  /// The tape of `functions` (in evaluation order, each called, their outputs alive) leading to
  /// `output`.
  public init(output: Variable, functions: [Function]) {
    var position = [ObjectIdentifier: Int]()
    var variables = [Variable]()
    func slot(_ variable: Variable) -> Int {
      if let known = position[ObjectIdentifier(variable)] { return known }
      position[ObjectIdentifier(variable)] = variables.count
      variables.append(variable)
      return variables.count - 1
    }
    steps = functions.map { function in
      let inputs = function.inputs.map(slot)
      let outputs = function.outputs.map { slot($0!) }
      if let elementwise = function as? ElementwiseFunction, outputs.count == 1 {
        return Step(
          kind: .elementwise(.passUnretained(elementwise)), first: inputs[0], second: -1, output: outputs[0])
      }
      if let binary = function as? BinaryFunction, outputs.count == 1 {
        return Step(
          kind: .binary(.passUnretained(binary)), first: inputs[0], second: inputs[1], output: outputs[0])
      }
      return Step(
        kind: .other(.passUnretained(function), inputs: inputs, outputs: outputs), first: -1, second: -1,
        output: -1)
    }
    self.output = slot(output)
    self.variables = variables
    self.functions = functions
    slots = variables.map(Unmanaged.passUnretained)
  }

  /// The data of the variable at `index`.
  private func data(_ index: Int) -> Tensor { slots[index]._withUnsafeGuaranteedRef(\._data) }

  /// Recomputes every function's outputs from its inputs' current data.
  public func forward() {
    withExtendedLifetime((variables, functions)) {
      for step in steps {
        switch step.kind {
        case .elementwise(let function):
          let result = function._withUnsafeGuaranteedRef { $0.apply(data(step.first)) }
          slots[step.output]._withUnsafeGuaranteedRef { $0._data = result }
        case .binary(let function):
          let result = function._withUnsafeGuaranteedRef { $0.apply(data(step.first), data(step.second)) }
          slots[step.output]._withUnsafeGuaranteedRef { $0._data = result }
        case .other(let function, let inputs, let outputs):
          let results = function._withUnsafeGuaranteedRef { $0.forward(inputs.map(data)) }
          for (output, result) in zip(outputs, results) {
            slots[output]._withUnsafeGuaranteedRef { $0._data = result }
          }
        }
      }
    }
  }

  /// Clears every gradient, then runs the backward pass from the output, leaving gradients only in
  /// the leaves (as `backward(retainGrad: false)`).
  public func backward() {
    withExtendedLifetime((variables, functions)) {
      for slot in slots { slot._withUnsafeGuaranteedRef { $0.cleargrad() } }
      slots[output]._withUnsafeGuaranteedRef { $0._grad = Tensor.ones(like: $0._data) }
      for step in steps.reversed() {
        switch step.kind {
        case .elementwise(let function):
          guard let gy = take(step.output) else { continue }
          let gx = function._withUnsafeGuaranteedRef { $0.inputGradient(data(step.first), gy) }
          add(gx, to: step.first)
        case .binary(let function):
          guard let gy = take(step.output) else { continue }
          let gxs = function._withUnsafeGuaranteedRef {
            $0.inputGradients(first: data(step.first), second: data(step.second), gy: gy)
          }
          add(gxs[0], to: step.first)
          add(gxs[1], to: step.second)
        case .other(let function, let inputs, let outputs):
          let grads = outputs.map { slots[$0]._withUnsafeGuaranteedRef(\._grad) }
          // A function with no output gradient is not on a path to the output.
          guard grads.contains(where: { $0 != nil }) else { continue }
          let gys = zip(outputs, grads).map { $1 ?? Tensor(repeating: 0, shape: data($0).shape) }
          let gxs = function._withUnsafeGuaranteedRef {
            $0.inputGradients(gys.count == 1 ? .one(gys[0]) : .many(gys))
          }
          for (position, input) in inputs.enumerated() { add(gxs[position], to: input) }
          for output in outputs { slots[output]._withUnsafeGuaranteedRef { $0._grad = nil } }
        }
      }
    }
  }

  /// The gradient of the variable at `index`, freed there (it has been used); `nil` when it has
  /// none, as a variable not on a path to the output.
  private func take(_ index: Int) -> Tensor? {
    slots[index]._withUnsafeGuaranteedRef { variable in
      defer { variable._grad = nil }
      return variable._grad
    }
  }

  /// Adds `gradient` to the gradient of the variable at `index` (or sets it when it has none).
  private func add(_ gradient: Tensor, to index: Int) {
    slots[index]._withUnsafeGuaranteedRef { variable in
      variable._grad = variable._grad.map { $0 + gradient } ?? gradient
    }
  }
}
