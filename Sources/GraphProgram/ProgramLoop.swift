import Autodiff

/// A program's `repeat` line, ready to run: what it updates, how many times, and (from
/// `makeUpdate()`) the rule that gives each iteration's new values.
///
/// The loop itself (forward, clear the gradients, backward, update) belongs to whoever runs it
/// (`Stepping.Optimization`); this type only says what the program asks for.
public struct ProgramLoop {
  /// The most iterations to run.
  public let iterations: Int
  /// Stop before an iteration whose loss is below this (`repeat N until loss < value`).
  public let stopBelow: Double?
  /// The inputs the loop updates, in the order written, with their variables.
  public let parameters: [(name: String, variable: Variable)]
  /// The optimiser, when the line names one (`adam(0.05) W, b`); `nil` for `x -= …` updates.
  public let optimizer: OptimizerChoice?
  let loop: LoopIR
  let variables: [Variable]
  let output: Int
  let source: SourceText

  /// The most numbers a run may keep: (iterations + 1) × (parameter elements + 1), 400 MB of them.
  static let recordLimit = 50_000_000

  init(_ loop: LoopIR, variables: [Variable], output: Int, names: (Int) -> String, source: SourceText) {
    iterations = loop.iterations
    stopBelow = loop.until?.below
    parameters = loop.parameters.map { (names($0), variables[$0]) }
    if case .optimizer(let choice, _) = loop.rule { optimizer = choice } else { optimizer = nil }
    self.loop = loop
    self.variables = variables
    self.output = output
    self.source = source
  }

  /// Where the `repeat` line is, as `line:column`.
  public var place: String { "\(loop.site.line):\(loop.site.column)" }

  /// A fresh update rule (an optimiser without momentum or moments yet).
  public func makeUpdate() -> LoopUpdate { LoopUpdate(self) }

  /// Checks the loop's shapes (`shapes` holds every node's, the loop's after the program's) and
  /// size: a scalar loss, steps that keep each parameter's shape, and a record that fits in memory.
  static func check(_ loop: LoopIR, shapes: [[Int]], output: Int, names: (Int) -> String, source: SourceText)
    throws(ProgramError)
  {
    guard shapes[output].reduce(1, *) == 1 else {
      throw source.error(
        "repeat minimises the output '\(names(output))', which must be a single number; it has shape "
          + "\(formatShape(shapes[output])) (use sum(…) to make it one)", at: loop.site)
    }
    if case .assignments(let assignments) = loop.rule {
      for assignment in assignments {
        let shape = shapes[assignment.parameter]
        let step = shapes[assignment.step]
        guard (try? Tensor.broadcastShape(shape, step)) == shape else {
          throw source.error(
            "\(names(assignment.parameter)) has shape \(formatShape(shape)) but its step has shape "
              + "\(formatShape(step)): an update must keep the parameter's shape", at: assignment.site)
        }
      }
    }
    let width = loop.parameters.reduce(1) { $0 + shapes[$1].reduce(1, *) }
    guard (loop.iterations + 1).multipliedReportingOverflow(by: width).partialValue <= recordLimit,
      width <= recordLimit
    else {
      throw source.error(
        "repeat \(loop.iterations) would keep \(Limits.grouped(width)) numbers per iteration, more than "
          + "GradStep's limit of \(Limits.grouped(recordLimit)) in all; run fewer iterations", at: loop.site)
    }
  }
}

/// One run's update rule: the parameters' new values for each iteration, from the graph's data and
/// the gradients the iteration's backward pass left in the parameters.
public struct LoopUpdate {
  private let program: ProgramLoop
  private var optimizer: (any Optimizer)?
  private let parameters: [Variable]
  /// Where each parameter's update is written, for messages.
  private let sites: [SourceRange]
  /// The function of each operation node of the update expressions, made once and only ever asked
  /// for `forward`; `nil` for other nodes.
  private let functions: [Function?]
  /// The inputs whose gradient an update reads straight from the backward pass of the loss.
  private let lossGradientInputs: [Int]
  /// Whether some gradient is of something else than the loss: its backward pass replaces the
  /// parameters' gradients, so the loss's are read first.
  private let hasOtherGradients: Bool

  init(_ program: ProgramLoop) {
    self.program = program
    optimizer = program.optimizer?.make()
    let loop = program.loop
    parameters = loop.parameters.map { program.variables[$0] }
    switch loop.rule {
    case .optimizer(_, let written): sites = written.map(\.site)
    case .assignments(let assignments): sites = assignments.map(\.site)
    }
    functions = loop.nodes.map { node in
      guard case .operation(let operation, _) = node.kind else { return nil }
      return operation.makeFunction()
    }
    var lossInputs = [Int]()
    var others = false
    for node in loop.nodes {
      guard case .gradient(let of, let input) = node.kind else { continue }
      if of == program.output { lossInputs.append(input) } else { others = true }
    }
    lossGradientInputs = lossInputs
    hasOtherGradients = others
  }

  /// The parameters' new values (in `ProgramLoop.parameters` order) for iteration `iteration`,
  /// whose forward and backward passes have run.
  ///
  /// - Throws: `ProgramError` at the update when a new value is not finite, naming the iteration.
  public mutating func newValues(iteration: Int) throws(ProgramError) -> [Tensor] {
    let result: [Tensor]
    switch program.loop.rule {
    case .optimizer:
      let gradients = parameters.map { $0.grad ?? Tensor(repeating: 0, shape: $0.shape) }
      result = optimizer!.step(parameters: parameters.map(\.data), gradients: gradients)
    case .assignments(let assignments):
      let steps = evaluateSteps()
      let first = program.loop.firstNode
      result = assignments.indices.map { parameters[$0].data - steps[assignments[$0].step - first] }
    }
    for (index, value) in result.enumerated() {
      guard let bad = Self.firstNonFinite(value) else { continue }
      throw program.source.error(
        "iteration \(iteration): the new value of \(program.parameters[index].name) is \(bad), not a finite "
          + "number; the loop stops here", at: sites[index])
    }
    return result
  }

  /// The first element of `tensor` that is NaN or infinite, if any.
  private static func firstNonFinite(_ tensor: Tensor) -> Double? {
    if tensor.shape.isEmpty, let value = tensor.scalar { return value.isFinite ? nil : value }
    return tensor.scalars.first { !$0.isFinite }
  }

  /// The gradient of the loss with respect to input `input`, as its backward pass left it.
  private func lossGradient(_ input: Int) -> Tensor {
    let variable = program.variables[input]
    return variable.grad ?? Tensor(repeating: 0, shape: variable.shape)
  }

  /// The value of every node of the update expressions, in order.
  private func evaluateSteps() -> [Tensor] {
    let loop = program.loop
    let first = loop.firstNode
    let saved = hasOtherGradients ? lossGradientInputs.map(lossGradient) : []
    var values = [Tensor]()
    values.reserveCapacity(loop.nodes.count)
    func value(_ node: Int) -> Tensor { node < first ? program.variables[node].data : values[node - first] }
    for (position, node) in loop.nodes.enumerated() {
      switch node.kind {
      case .input(let tensor): values.append(tensor)
      case .constant(let number): values.append(Tensor(number))
      case .operation(_, let arguments):
        switch functions[position]! {
        case let unary as ElementwiseFunction: values.append(unary.apply(value(arguments[0])))
        case let binary as BinaryFunction:
          values.append(binary.apply(value(arguments[0]), value(arguments[1])))
        case let function: values.append(function.forward(arguments.map(value))[0])
        }
      case .gradient(let of, let input) where of == program.output:
        values.append(
          hasOtherGradients ? saved[lossGradientInputs.firstIndex(of: input)!] : lossGradient(input))
      case .gradient(let of, let input):
        values.append(Autodiff.grad(variable(of), program.variables[input]).data)
      }
    }
    return values
  }

  /// Node `node` as a variable with its graph, for a gradient of something other than the loss
  /// (`grad(grad(y, x), x)`): the program's own variable, or the update's nodes built on them.
  private func variable(_ node: Int) -> Variable {
    let first = program.loop.firstNode
    guard node >= first else { return program.variables[node] }
    switch program.loop.nodes[node - first].kind {
    case .input(let tensor): return Variable(tensor)
    case .constant(let number): return Variable(number)
    case .operation(let operation, let arguments):
      return operation.makeFunction()(arguments.map(variable))[0]
    case .gradient(let of, let input):
      return Autodiff.grad(variable(of), program.variables[input], createGraph: true)
    }
  }
}
