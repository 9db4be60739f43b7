import Autodiff

/// Builds the Autodiff graph of a `ProgramIR`, running the forward pass as it goes.
enum GraphBuilder {
  /// One variable per node, in node order; input nodes take `inputs` in order.
  ///
  /// - Precondition: the IR passed `ShapeInference.check` with inputs of the same shapes.
  static func build(_ ir: ProgramIR, inputs: [Variable]) -> [Variable] {
    precondition(
      inputs.count == ir.inputs.count, "the program has \(ir.inputs.count) inputs, got \(inputs.count)")
    var remainingInputs = inputs.makeIterator()
    var variables = [Variable]()
    variables.reserveCapacity(ir.nodes.count)
    for node in ir.nodes {
      switch node.kind {
      case .input(let value):
        let input = remainingInputs.next()!
        precondition(
          input.shape == value.shape,
          "input '\(node.name)' has shape \(formatShape(value.shape)), got \(formatShape(input.shape))")
        variables.append(input)
      case .constant(let number):
        variables.append(Variable(Tensor(number), name: node.name))
      case .operation(let operation, let arguments):
        let result = operation.makeFunction()(arguments.map { variables[$0] })[0]
        result.name = node.name
        variables.append(result)
      }
    }
    return variables
  }
}
