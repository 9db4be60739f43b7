import Autodiff

/// The chain rule of one backward step, per input, in symbols and in numbers:
/// `Exp: gx = exp(a)·gy = 1.2840254166877414 × 2.568050833375483 = 3.297442541400256`.
public struct ChainRule {
  /// One input's gradient.
  public struct Term {
    /// The input's label.
    public let input: String
    /// `gx` for a one-input function, `gx0`, `gx1`, … otherwise.
    public let gradientName: String
    /// The local derivative in symbols with the inputs' names (`exp(a)·gy`).
    public let symbolic: String
    /// The factors in full precision joined by ` × `, when the gradient is a plain product of scalars.
    public let numeric: String?
    /// The gradient this function sent to the input.
    public let result: Tensor
    /// The input's grad before this step (`nil`: none yet), so an accumulation can be shown.
    public let before: Tensor?
    /// The input's grad after accumulation.
    public let after: Tensor
  }

  /// The op's name.
  public let function: String
  /// One term per input, in argument order.
  public let terms: [Term]

  /// The chain rule of backward step `step` of `session`; `nil` for other steps.
  public init?(step: Step, in graph: GraphModel) {
    guard case .backward(let index) = step.kind else { return nil }
    let node = graph.functions[index]
    let names = node.inputs.map { graph.variables[$0].label }
    function = node.label
    terms = node.inputs.indices.map { position in
      let factors = node.function.gradientFactors(input: position, outputGrads: step.outputGrads)
      let numeric = factors.flatMap { list in
        list.allSatisfy { $0.rank == 0 }
          ? list.map { NumberFormat.full($0.scalars[0]) }.joined(separator: " × ") : nil
      }
      return Term(
        input: names[position], gradientName: node.inputs.count == 1 ? "gx" : "gx\(position)",
        symbolic: node.function.gradientFormula(input: position, names: names), numeric: numeric,
        result: step.inputGrads[position], before: step.changes[position].old,
        after: step.changes[position].new!)
    }
  }
}

extension ChainRule.Term {
  /// The pieces of `gx = symbolic = numeric = result`, each a complete `= …` clause, for wrapping.
  public var clauses: [String] {
    var parts = ["\(gradientName) = \(symbolic)"]
    if let numeric, numeric != NumberFormat.full(result) { parts.append("= \(numeric)") }
    parts.append("= \(NumberFormat.full(result))")
    return parts
  }

  /// `x.grad = 1.0 + 1.0 = 2.0` when this adds to an earlier gradient, else `x.grad = 3.29…`.
  public var accumulation: String {
    guard let before else { return "\(input).grad = \(NumberFormat.full(after))" }
    return
      "\(input).grad = \(NumberFormat.full(before)) + \(NumberFormat.full(result)) = \(NumberFormat.full(after))"
  }
}
