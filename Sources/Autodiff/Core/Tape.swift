/// A graph's forward and backward passes, compiled once to run again and again in the graph's own
/// variables, as an optimisation loop does every iteration (DeZero's loop rebuilds the graph each
/// time; here the functions stay and only the values change).
///
/// `forward()` recomputes every function's outputs from its inputs' current data, in evaluation
/// order. `backward()` is `output.backward(retainGrad: false)` after clearing every gradient: the
/// output seeded with ones, each function's backward run in reverse evaluation order (a valid order:
/// every consumer of a variable comes after it), and only the leaves keep their gradients. Neither
/// allocates more than the values themselves: scalars stay in registers.
public struct Tape {
  private enum Kind {
    case elementwise(ElementwiseFunction)
    case binary(BinaryFunction)
    case other(Function)
  }

  private struct Step {
    let kind: Kind
    let function: Function
    let inputs: [Variable]
    let outputs: [Variable]
  }

  private let steps: [Step]
  private let output: Variable
  /// Every variable the steps read or write, each once.
  private let variables: [Variable]

  /// The tape of `functions` (in evaluation order, each called, their outputs alive) leading to
  /// `output`.
  public init(output: Variable, functions: [Function]) {
    self.output = output
    var seen = Set<ObjectIdentifier>()
    var variables = [Variable]()
    steps = functions.map { function in
      let kind: Kind =
        if let elementwise = function as? ElementwiseFunction {
          .elementwise(elementwise)
        } else if let binary = function as? BinaryFunction {
          .binary(binary)
        } else {
          .other(function)
        }
      let outputs = function.outputs.map { $0! }
      for variable in function.inputs + outputs where seen.insert(ObjectIdentifier(variable)).inserted {
        variables.append(variable)
      }
      return Step(kind: kind, function: function, inputs: function.inputs, outputs: outputs)
    }
    if seen.insert(ObjectIdentifier(output)).inserted { variables.append(output) }
    self.variables = variables
  }

  /// Recomputes every function's outputs from its inputs' current data.
  public func forward() {
    for step in steps {
      switch step.kind {
      case .elementwise(let function): step.outputs[0]._data = function.apply(step.inputs[0]._data)
      case .binary(let function):
        step.outputs[0]._data = function.apply(step.inputs[0]._data, step.inputs[1]._data)
      case .other(let function):
        for (output, data) in zip(step.outputs, function.forward(step.inputs.map(\.data))) {
          output._data = data
        }
      }
    }
  }

  /// Clears every gradient, then runs the backward pass from the output, leaving gradients only in
  /// the leaves (as `backward(retainGrad: false)`).
  public func backward() {
    for variable in variables { variable.cleargrad() }
    output._grad = Tensor.ones(like: output._data)
    for step in steps.reversed() {
      // A function with no output gradient is not on a path to the output.
      guard step.outputs.contains(where: { $0._grad != nil }) else { continue }
      let gys: Gradients =
        step.outputs.count == 1
        ? .one(step.outputs[0]._grad!)
        : .many(step.outputs.map { $0._grad ?? Tensor(repeating: 0, shape: $0.shape) })
      let gxs = step.function.inputGradients(gys)
      for (position, input) in step.inputs.enumerated() {
        let gradient = gxs[position]
        input._grad = input._grad.map { $0 + gradient } ?? gradient
      }
      for output in step.outputs { output._grad = nil }
    }
  }
}
