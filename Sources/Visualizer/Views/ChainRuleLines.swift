import Autodiff
import Stepping

/// One input's chain rule on a backward step, as inspector lines. Scalars read as one equation,
/// `Exp: gx = exp(a)·gy = 1.2840254166877414 × 2.568050833375483 = 3.297442541400256`, then
/// `→ a.grad = …`; tensors as the formula, with the gradient's shape, and then grids: the sum
/// back to a broadcast input's shape (`= sum over axis 0 of [[…]]`) and the result.
struct ChainRuleLines {
  let inspector: InspectorView
  /// The op's name, which starts the first line.
  let function: String
  let term: ChainRule.Term
  /// The output's gradient, which a result equal to it need not repeat.
  let gy: Tensor?

  var lines: [StyledLine] {
    let head = "\(function): "
    let indent = String(repeating: " ", count: head.count)
    let width = inspector.width
    guard term.result.rank > 0 || term.reduction != nil else {
      let clauses = [head + term.clauses[0]] + term.clauses.dropFirst()
      return wrap(clauses, width: width, indent: indent).map { StyledLine($0) }
        + wrap(term.accumulation.split(separator: " ").map(String.init), width: width - 4, indent: "    ")
        .enumerated().map { position, line in
          StyledLine([(position == 0 ? "  → " : "", Theme.help), (line, Theme.freshValue)])
        }
    }
    let shape = term.result.rank == 0 ? "" : " \(formatShape(term.result.shape))"
    let formula = head + "\(term.gradientName)\(shape) = \(term.symbolic)"
    var lines = [StyledLine]()
    if let reduction = term.reduction {
      lines += wrap([formula], width: width, indent: indent).map { StyledLine($0) }
      lines += inspector.block([(indent + "= \(reduction.description) of ", .plain)], reduction.unreduced)
      lines += inspector.block([(indent + "= ", .plain)], term.result, style: Theme.freshValue)
    } else if term.symbolic == "gy" && term.result == gy {
      lines.append(StyledLine(formula))
    } else {
      lines += inspector.block([(formula + " = ", .plain)], term.result, style: Theme.freshValue)
    }
    if let receiving = term.receivingDescription() {
      lines += wrap(["    (" + receiving + ")"], width: width, indent: "     ").map {
        StyledLine([($0, Theme.freshValue)])
      }
    }
    let arrow = [("  → ", Theme.help), ("\(term.input).grad = ", Theme.freshValue)]
    guard let before = term.before else {
      return lines + [StyledLine(arrow + [(term.gradientName, Theme.freshValue)])]
    }
    return lines
      + inspector.block([("  → ", Theme.help), ("\(term.input).grad was ", .plain)], before)
      + inspector.block(
        arrow + [("\(term.input).grad + \(term.gradientName) = ", Theme.freshValue)], term.after,
        style: Theme.freshValue)
  }
}
