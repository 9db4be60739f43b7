import Autodiff

/// The chain rule of one backward step, per input, in symbols and in numbers:
/// `Exp: gx = exp(a)·gy = 1.2840254166877414 × 2.568050833375483 = 3.297442541400256`.
/// When an input was broadcast, its gradient is summed back to its shape, and the term says so:
/// `gx1 = sum_to(gy, (1,)) = sum over axis 0 of [[…]] = [0.45…]`.
public struct ChainRule {
  /// A gradient summed back to the shape of an input that the forward pass broadcast.
  public struct Reduction {
    /// The gradient before the sum, in the output's shape.
    public let unreduced: Tensor
    /// The axes summed over (of the output's shape), in increasing order.
    public let axes: [Int]
    /// The input's shape, which the sum comes down to.
    public let shape: [Int]

    /// `sum over axis 0` or `sum over axes 0, 1`.
    public var description: String {
      "sum over \(axes.count == 1 ? "axis" : "axes") \(axes.map(String.init).joined(separator: ", "))"
    }
  }

  /// One input's gradient.
  public struct Term {
    /// The input's label.
    public let input: String
    /// `gx` for a one-input function, `gx0`, `gx1`, … otherwise.
    public let gradientName: String
    /// The local derivative in symbols with the inputs' names (`exp(a)·gy`), inside
    /// `sum_to(…, shape)` when the input was broadcast.
    public let symbolic: String
    /// How the gradient was summed back to a broadcast input's shape, `nil` when it was not.
    public let reduction: Reduction?
    /// The factors in full precision joined by ` × `, when the gradient is a plain product of scalars.
    public let numeric: String?
    /// The gradient this function sent to the input.
    public let result: Tensor
    /// The input's grad before this step (`nil`: none yet), so an accumulation can be shown.
    public let before: Tensor?
    /// The input's grad after accumulation.
    public let after: Tensor
    /// For an op that sends gradient to some of the input's elements only (`GetItem`), their
    /// multi-indices; `nil` for the others.
    public let receiving: [[Int]]?
  }

  /// The op's name.
  public let function: String
  /// One term per input that takes a gradient (see `GraphModel.gradientFree`), in argument order.
  public let terms: [Term]

  /// The chain rule of backward step `step` of `session`; `nil` for other steps.
  public init?(step: Step, in graph: GraphModel) {
    guard case .backward(let index) = step.kind else { return nil }
    let node = graph.functions[index]
    let names = node.inputs.map { graph.variables[$0].label }
    let symbols = node.inputs.map { graph.variables[$0].symbol }
    function = node.label
    let taking = node.inputs.indices.filter { !graph.gradientFree.contains(node.inputs[$0]) }
    terms = zip(taking.indices, taking).map { change, position in
      let factors = node.function.gradientFactors(input: position, outputGrads: step.outputGrads)
      let numeric = factors.flatMap { list in
        list.allSatisfy { $0.rank == 0 }
          ? list.map { NumberFormat.full($0.scalars[0]) }.joined(separator: " × ") : nil
      }
      let formula = node.function.gradientFormula(input: position, names: symbols)
      let reduction = ChainRule.reduction(of: node, input: position, in: graph, outputGrads: step.outputGrads)
      return Term(
        input: names[position], gradientName: node.inputs.count == 1 ? "gx" : "gx\(position)",
        symbolic: reduction.map { "sum_to(\(formula), \(formatShape($0.shape)))" } ?? formula,
        reduction: reduction, numeric: numeric,
        result: step.inputGrads[position], before: step.changes[change].old,
        after: step.changes[change].new!, receiving: (node.function as? GetItem)?.receivingElements)
    }
  }

  /// The sum back to input `position`'s shape, when a two-input elementwise op broadcast it.
  private static func reduction(
    of node: GraphModel.FunctionNode, input position: Int, in graph: GraphModel, outputGrads: [Tensor]
  ) -> Reduction? {
    guard let function = node.function as? BinaryFunction, let gy = outputGrads.first else { return nil }
    let (a, b) = (
      graph.variables[node.inputs[0]].variable.data, graph.variables[node.inputs[1]].variable.data
    )
    let shape = (position == 0 ? a : b).shape
    guard shape != gy.shape else { return nil }
    let factors = function.localFactors(input: position, a, b, gy)
    let unreduced = factors.dropFirst().reduce(factors[0]) { $0 * $1 }
    let added = unreduced.rank - shape.count
    let axes = unreduced.shape.indices.filter { axis in
      axis < added || shape[axis - added] == 1 && unreduced.shape[axis] != 1
    }
    return Reduction(unreduced: unreduced, axes: axes, shape: shape)
  }
}

extension ChainRule.Term {
  /// The pieces of `gx = symbolic = numeric = result`, each a complete `= …` clause, for wrapping.
  public var clauses: [String] {
    var parts = ["\(gradientName) = \(symbolic)"]
    if let reduction {
      parts.append("= \(reduction.description) of \(NumberFormat.full(reduction.unreduced))")
    }
    if let numeric, numeric != NumberFormat.full(result) { parts.append("= \(numeric)") }
    parts.append("= \(NumberFormat.full(result))")
    return parts
  }

  /// `gy lands on z[0, 1], z[1, 1]` for an op that sends gradient to some elements only, listing up to
  /// `limit` of them; `nil` for other ops.
  public func receivingDescription(limit: Int = 8) -> String? {
    guard let receiving else { return nil }
    let places = receiving.prefix(limit).map { "\(input)[\($0.map(String.init).joined(separator: ", "))]" }
    let more = receiving.count > limit ? ", … \(receiving.count - limit) more" : ""
    return "gy lands on \(receiving.count) element\(receiving.count == 1 ? "" : "s"): "
      + places.joined(separator: ", ") + more
  }

  /// `x.grad = 1.0 + 1.0 = 2.0` when this adds to an earlier gradient, else `x.grad = 3.29…`.
  /// A negative term is subtracted: `u.grad = 0.034 − 0.1297 = -0.0957`, never `+ -0.1297`.
  public var accumulation: String {
    guard let before else { return "\(input).grad = \(NumberFormat.full(after))" }
    let term =
      result.rank == 0 && result.scalars[0] < 0
      ? "− \(NumberFormat.full(-result.scalars[0]))" : "+ \(NumberFormat.full(result))"
    return "\(input).grad = \(NumberFormat.full(before)) \(term) = \(NumberFormat.full(after))"
  }
}
