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
    /// Every variable made so far: one per node, and those the `grad` nodes' passes recorded
    /// (kept or not), so that a pass can clear every gradient without walking the graph.
    var everyVariable: [Variable] = []
    /// The functions of the statements on the lines `build` was asked to note, each with its
    /// statement's line (an operation's own, or that of the `grad` whose backward recorded it).
    var noted: [(function: Function, line: Int)] = []
  }

  /// The program would have more than its limit of variables: the `grad` node whose recorded
  /// backward pass went past it.
  struct TooManyVariables: Error {
    /// The index of the `grad` node.
    var node: Int
  }

  /// One variable per node, in node order; input nodes take `inputs` in order. The functions of
  /// statements on `notedLines` are listed in `Built.noted`.
  ///
  /// - Precondition: the IR passed `ShapeInference.check` with inputs of the same shapes.
  /// - Throws: `TooManyVariables` as soon as the variables (one per node, and those the `grad`
  ///   nodes' backward passes record) pass `variableLimit`, step by step, so a runaway nest of
  ///   `grad`s stops early.
  static func build(
    _ ir: ProgramIR, inputs: [Variable], variableLimit: Int = .max, notedLines: Set<Int> = []
  ) throws(TooManyVariables) -> Built {
    precondition(
      inputs.count == ir.inputs.count, "the program has \(ir.inputs.count) inputs, got \(inputs.count)")
    var remainingInputs = inputs.makeIterator()
    var built = Built()
    built.variables.reserveCapacity(ir.nodes.count)
    // The nodes not built yet count already: the parser checked that they fit.
    var budget = variableLimit - ir.nodes.count
    for (index, node) in ir.nodes.enumerated() {
      let functionsBefore = built.functions.count
      defer {
        if notedLines.contains(node.site.line) {
          built.noted += built.functions[functionsBefore...].map { ($0, node.site.line) }
        }
      }
      switch node.kind {
      case .input(let value):
        let input = remainingInputs.next()!
        precondition(
          input.shape == value.shape,
          "input '\(node.name)' has shape \(formatShape(value.shape)), got \(formatShape(input.shape))")
        built.variables.append(input)
        built.everyVariable.append(input)
      case .constant(let number):
        built.variables.append(Variable(Tensor(number), name: node.name))
        built.everyVariable.append(built.variables[built.variables.count - 1])
      case .operation(let operation, let arguments):
        let result = operation.makeFunction()(arguments.map { built.variables[$0] })[0]
        result.name = node.name
        built.variables.append(result)
        built.everyVariable.append(result)
        built.functions.append(result.creator!)
      case .gradient(let output, let input):
        let statement = "\(node.name) = grad(\(ir.nodes[output].name), \(ir.nodes[input].name))"
        guard
          let result = gradient(
            of: built.variables[output], withRespectTo: built.variables[input], named: node.name,
            statement: statement, budget: &budget, into: &built)
        else { throw TooManyVariables(node: index) }
        built.variables.append(result)
        built.everyVariable.append(result)
      }
    }
    return built
  }

  /// The gradient of `y` with respect to `x` (an input or a computed variable) with its backward pass recorded, named `name`; adds
  /// the recorded functions that lead to it to `built`, naming their unnamed variables as a
  /// statement's (`name#1`, …; a scalar leaf `name#c1`, …). Leaves no gradient behind, so a later
  /// backward pass starts from nothing. Takes the variables the pass records from `budget` as they
  /// are recorded, and returns `nil` as soon as they are more than it.
  private static func gradient(
    of y: Variable, withRespectTo x: Variable, named name: String, statement: String, budget: inout Int,
    into built: inout Built
  ) -> Variable? {
    // A pass that is sure to pass the budget is refused before it runs, at the same statement.
    guard y.gradientSumsInBackwardPass <= budget else { return nil }
    // Nothing holds a gradient before the pass, and nothing is left holding one after it.
    built.everyVariable.forEach { $0.cleargrad() }
    defer { built.everyVariable.forEach { $0.cleargrad() } }
    // A computed x keeps its gradient only if the pass retains the gradients it passes through.
    var pass = BackwardPass(from: y, retainGrad: x.creator != nil, createGraph: true)
    var origin = [ObjectIdentifier: String]()
    var made = Set<ObjectIdentifier>()
    var used = [Variable]()
    // One derivation per kind of function (a function's name is its type's, by reflection).
    var derivations = [ObjectIdentifier: String]()
    while let step = pass.next() {
      guard let functions = step.recorded?.functions, !functions.isEmpty else { continue }
      let kind = ObjectIdentifier(type(of: step.function))
      let derivation =
        derivations[kind]
        ?? {
          let derivation = "\(step.function.name)'s backward in \(statement)"
          derivations[kind] = derivation
          return derivation
        }()
      for function in functions {
        origin[ObjectIdentifier(function)] = derivation
        for output in function.outputs.compactMap({ $0 }) {
          made.insert(ObjectIdentifier(output))
          built.everyVariable.append(output)
          budget -= 1
        }
        for input in function.inputs {
          used.append(input)
          if input.creator == nil, input.name == nil, made.insert(ObjectIdentifier(input)).inserted {
            built.everyVariable.append(input)
            budget -= 1
          }
        }
      }
      guard budget >= 0 else { return nil }
    }
    let result = x.gradVariable ?? Variable(x.grad ?? Tensor(repeating: 0, shape: x.shape))
    // The functions this pass recorded that lead to the result, in evaluation order: a walk from
    // the result that stops at the variables that were there before the pass.
    let before = used.filter { !made.contains(ObjectIdentifier($0)) }
    let recorded = ComputationGraph(outputs: [result], stoppingAt: before).functions
    var count = 0
    var constants = 0
    for function in recorded {
      for variable in function.inputs + function.outputs.compactMap({ $0 }) where variable.name == nil {
        if variable.creator == nil, variable.data.scalar != nil {
          constants += 1
          variable.name = "\(name)#c\(constants)"
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
