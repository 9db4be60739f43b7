import Autodiff

/// Builds the Autodiff graph of a `ProgramIR`, running the forward pass as it goes.
enum GraphBuilder {
  /// The graph of a program.
  struct Built {
    /// One variable per node, in node order.
    var variables: [Variable] = []
    /// Every function, in evaluation order: each operation node's, and where a `grad` node is, the
    /// functions its backward pass recorded.
    var functions: [Function] = []
    /// For each function a `grad` node recorded: which backward made it and in which statement
    /// (`Square's backward in g = grad(y, x)`).
    var derivations: [(function: Function, derivation: String)] = []
  }

  /// One variable per node, in node order; input nodes take `inputs` in order.
  ///
  /// - Precondition: the IR passed `ShapeInference.check` with inputs of the same shapes.
  static func build(_ ir: ProgramIR, inputs: [Variable]) -> Built {
    precondition(
      inputs.count == ir.inputs.count, "the program has \(ir.inputs.count) inputs, got \(inputs.count)")
    var remainingInputs = inputs.makeIterator()
    var built = Built()
    built.variables.reserveCapacity(ir.nodes.count)
    for node in ir.nodes {
      switch node.kind {
      case .input(let value):
        let input = remainingInputs.next()!
        precondition(
          input.shape == value.shape,
          "input '\(node.name)' has shape \(formatShape(value.shape)), got \(formatShape(input.shape))")
        built.variables.append(input)
      case .constant(let number):
        built.variables.append(Variable(Tensor(number), name: node.name))
      case .operation(let operation, let arguments):
        let result = operation.makeFunction()(arguments.map { built.variables[$0] })[0]
        result.name = node.name
        built.variables.append(result)
        built.functions.append(result.creator!)
      case .gradient(let output, let input):
        built.variables.append(
          gradient(
            of: built.variables[output], withRespectTo: built.variables[input], named: node.name,
            statement: "\(node.name) = grad(\(ir.nodes[output].name), \(ir.nodes[input].name))", into: &built)
        )
      }
    }
    return built
  }

  /// The gradient of `y` with respect to `x` (an input or a computed variable) with its backward pass recorded, named `name`; adds
  /// the recorded functions that lead to it to `built`, naming their unnamed variables as a
  /// statement's (`name#1`, …; a scalar leaf by its value). Leaves no gradient behind, so a later
  /// backward pass starts from nothing.
  private static func gradient(
    of y: Variable, withRespectTo x: Variable, named name: String, statement: String, into built: inout Built
  ) -> Variable {
    let reached = ComputationGraph(output: y).variables + [x]
    reached.forEach { $0.cleargrad() }
    defer { reached.forEach { $0.cleargrad() } }
    // A computed x keeps its gradient only if the pass retains the gradients it passes through.
    var pass = BackwardPass(from: y, retainGrad: x.creator != nil, createGraph: true)
    var origin = [ObjectIdentifier: String]()
    while let step = pass.next() {
      for function in step.recorded?.functions ?? [] {
        origin[ObjectIdentifier(function)] = "\(step.function.name)'s backward in \(statement)"
      }
    }
    let result = x.gradVariable ?? Variable(x.grad ?? Tensor(repeating: 0, shape: x.shape))
    let known = Set(built.functions.map(ObjectIdentifier.init))
    let recorded = ComputationGraph(output: result).functions.filter { !known.contains(ObjectIdentifier($0)) }
    var count = 0
    for function in recorded {
      for variable in function.inputs + function.outputs.compactMap({ $0 }) where variable.name == nil {
        if variable.creator == nil, let value = variable.data.scalar {
          variable.name = formatConstant(value)
        } else {
          count += 1
          variable.name = "\(name)#\(count)"
        }
      }
      built.functions.append(function)
      built.derivations.append((function, origin[ObjectIdentifier(function)] ?? statement))
    }
    result.name = name
    return result
  }
}
