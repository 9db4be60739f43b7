import Autodiff

/// The lines under the graph: what the active step did (or the selected node), the chain rule on a
/// backward step, and after the last step the gradient check. Values are in full precision.
struct InspectorView {
  let state: AppState
  let width: Int

  private var session: Session { state.session }
  private var graph: GraphModel { session.graph }

  /// The inspector's lines, most important first; the caller shows as many as fit.
  func lines(maxLines: Int) -> [StyledLine] {
    if let selection = state.selection {
      return selection < graph.variables.count
        ? variableLines(selection) : functionLines(selection - graph.variables.count)
    }
    guard let step = session.currentStep else { return startLines() }
    switch step.kind {
    case .forward(let function): return forwardLines(function)
    case .seed(let variable): return seedLines(variable)
    case .backward:
      let rule = backwardLines(step)
      guard session.phase == .done else { return rule }
      let check = gradientCheckLines()
      return rule.count + check.count <= maxLines ? rule + check : check
    }
  }

  private func name(_ variable: Int) -> String { graph.variables[variable].label }

  private func value(_ tensor: Tensor?, indent: Int) -> [StyledLine] {
    guard let tensor else { return [StyledLine("— (not computed yet)", Theme.pending)] }
    return wrap(
      NumberFormat.full(tensor).split(separator: " ").map(String.init), width: width - indent, indent: ""
    ).prefix(4).map { StyledLine($0) }
  }

  private func labelled(_ label: String, _ tensor: Tensor?, style: CellStyle = Theme.value) -> [StyledLine] {
    let head = "  \(label) = "
    let body = value(tensor, indent: head.count)
    return body.enumerated().map { position, line in
      let prefix = position == 0 ? head : String(repeating: " ", count: head.count)
      return StyledLine([(prefix, .plain)] + line.runs.map { ($0.text, tensor == nil ? $0.style : style) })
    }
  }

  private func expression(of function: Int) -> String {
    let node = graph.functions[function]
    let outputs = node.outputs.map(name).joined(separator: ", ")
    return "\(outputs) = \(node.function.expression(node.inputs.map(name)))"
  }

  private func startLines() -> [StyledLine] {
    var lines = [
      StyledLine([
        ("Start", Theme.heading),
        ("  only the inputs have data; press n to run the first function", Theme.help),
      ])
    ]
    for leaf in graph.leaves.prefix(6) { lines += labelled(name(leaf), session.data(of: leaf)) }
    return lines
  }

  private func forwardLines(_ function: Int) -> [StyledLine] {
    let node = graph.functions[function]
    var lines = [
      StyledLine([("Forward · \(node.label)", Theme.heading), ("  \(expression(of: function))", .plain)])
    ]
    for input in Array(Set(node.inputs)).sorted() { lines += labelled(name(input), session.data(of: input)) }
    for output in node.outputs {
      lines += labelled(name(output), session.data(of: output), style: Theme.freshValue)
    }
    return lines
  }

  private func seedLines(_ variable: Int) -> [StyledLine] {
    [
      StyledLine([
        ("Seed", Theme.heading),
        ("  \(name(variable)).grad = 1, as the seed does by hand: y.grad = np.array(1.0)", .plain),
      ])
    ] + labelled("\(name(variable)).grad", session.grad(of: variable), style: Theme.freshValue)
      + labelled(name(variable), session.data(of: variable))
  }

  private func backwardLines(_ step: Step) -> [StyledLine] {
    guard case .backward(let function) = step.kind, let rule = ChainRule(step: step, in: graph) else {
      return []
    }
    let node = graph.functions[function]
    let gys = node.outputs.map { "\(name($0)).grad" }.joined(separator: ", ")
    let gyText =
      step.outputGrads.count == 1
      ? NumberFormat.full(step.outputGrads[0])
      : step.outputGrads.map(NumberFormat.full).joined(separator: ", ")
    var lines = [
      StyledLine([
        ("Backward · \(node.label)", Theme.heading),
        ("  \(expression(of: function))   gy = \(gys) = \(gyText)", .plain),
      ])
    ]
    for term in rule.terms {
      let clauses = ["\(rule.function): " + term.clauses[0]] + term.clauses.dropFirst()
      for line in wrap(clauses, width: width, indent: String(repeating: " ", count: rule.function.count + 2))
      {
        lines.append(StyledLine(line))
      }
      let accumulation = wrap(
        term.accumulation.split(separator: " ").map(String.init), width: width - 4, indent: "    ")
      for (position, line) in accumulation.enumerated() {
        lines.append(StyledLine([(position == 0 ? "  → " : "", Theme.help), (line, Theme.freshValue)]))
      }
    }
    return lines
  }

  private func gradientCheckLines() -> [StyledLine] {
    let check = session.gradientCheck
    let inputs = session.checkedInputs
    let labels = check.entries.map { entry in
      name(inputs[entry.input])
        + (entry.index.isEmpty ? "" : "[" + entry.index.map(String.init).joined(separator: ",") + "]")
    }
    let labelWidth = max(labels.map(\.count).max() ?? 5, 5)
    let backprop = check.entries.map { NumberFormat.full($0.backprop) }
    let numerical = check.entries.map { NumberFormat.full($0.numerical) }
    let valueWidth = max((backprop + numerical).map(\.count).max() ?? 0, 9) + 2
    var lines = [
      StyledLine([
        ("Gradient check", Theme.heading), ("  backprop vs central difference, eps \(check.eps)", .plain),
      ]),
      StyledLine(
        "input".padded(to: labelWidth) + "  " + "backprop".padded(to: valueWidth)
          + "numerical".padded(to: valueWidth)
          + "|diff|",
        Theme.help),
    ]
    for (position, entry) in check.entries.enumerated() {
      let passed = check.passes(entry)
      let values =
        labels[position].padded(to: labelWidth) + "  " + backprop[position].padded(to: valueWidth)
        + numerical[position].padded(to: valueWidth) + entry.absoluteError.printed("%.1e").padded(to: 9)
      lines.append(
        StyledLine([(values, .plain), (passed ? "✓ pass" : "✗ FAIL", passed ? Theme.pass : Theme.fail)]))
    }
    return lines
  }

  private func variableLines(_ index: Int) -> [StyledLine] {
    let node = graph.variables[index]
    let creator = node.creator.map { graph.functions[$0].label } ?? "input"
    return [
      StyledLine([
        ("Variable \(node.label)", Theme.heading),
        ("  shape \(formatShape(node.variable.shape)) · from \(creator)", .plain),
      ]),
      StyledLine(UsageLine.text(of: index, in: graph, width: width)),
    ] + labelled("data", session.data(of: index)) + labelled("grad", session.grad(of: index))
  }

  private func functionLines(_ index: Int) -> [StyledLine] {
    let node = graph.functions[index]
    let names = node.inputs.map(name)
    var lines = [
      StyledLine([("Function \(node.label)", Theme.heading), ("  \(expression(of: index))", .plain)])
    ]
    for position in node.inputs.indices {
      let gradient = node.inputs.count == 1 ? "gx" : "gx\(position)"
      lines.append(
        StyledLine(
          "  \(gradient) = \(node.function.gradientFormula(input: position, names: names))   (∂ w.r.t. \(names[position]))"
        ))
    }
    return lines
  }
}
