import Autodiff
import Stepping

/// The lines under the graph: what the active step did (or the selected node), the chain rule on a
/// backward step, and after the last step the gradient check. Scalars are in full precision;
/// tensors are aligned grids (`TensorGrid`) with the state's display precision. Every line fits
/// `width`; the screen shows a window of them (`InspectorWindow`), and builds only what it shows.
struct InspectorView {
  let state: AppState
  let width: Int
  /// What a selected variable's long lists keep between frames (the screen passes its own).
  var cache = UsageCache()

  private var session: Session { state.session }
  private var graph: GraphModel { session.graph }

  /// All of the inspector's lines, built.
  func lines() -> [StyledLine] { content().all }

  /// All of the inspector's lines, most important first: on a backward step its chain rule and
  /// accumulation come before the gradient check, so the step is always in view. A selected
  /// variable's uses and contributions are built only when shown.
  func content() -> InspectorLines {
    guard let selection = state.selection else { return InspectorLines(stepLines()) }
    return selection < graph.variables.count
      ? variableLines(selection) : InspectorLines(functionLines(selection - graph.variables.count))
  }

  /// The lines of the step at the cursor, when nothing is selected.
  private func stepLines() -> [StyledLine] {
    guard let step = session.currentStep else { return startLines() }
    switch step.kind {
    case .forward(let function): return forwardLines(function)
    case .seed(let variable): return seedLines(variable, pass: step.pass) + passes.seedNote(step)
    case .backward:
      let rule = backwardLines(step)
      guard let check = session.gradientCheckAtCursor else { return rule }
      return rule + [StyledLine("")] + GradientCheckLines(session: session, check: check, width: width).lines
        + passes.checkNote(check)
    case .cleargrad: return passes.clearingLines(step)
    }
  }

  private func name(_ variable: Int) -> String { graph.variables[variable].label }

  private var passes: PassLines { PassLines(session: session, width: width) }

  /// `head` followed by `tensor` (a scalar in full precision): on the same line, with the grid's
  /// other lines under its first line, when that fits; otherwise the grid under `head`, indented
  /// by `indent`.
  func block(
    _ head: [(String, CellStyle)], _ tensor: Tensor?, style: CellStyle = Theme.value, indent: Int = 4
  ) -> [StyledLine] {
    guard let tensor else { return [StyledLine(head + [("— (not computed yet)", Theme.pending)])] }
    let headWidth = head.reduce(0) { $0 + $1.0.count }
    let sameLine = TensorGrid(tensor, fullPrecision: state.fullPrecision, width: width - headWidth)
    let sameLineFits = tensor.rank == 0 || !sameLine.lines.allSatisfy { $0.contains("…") }
    if sameLineFits && headWidth <= width / 2 || tensor.rank == 0 {
      return sameLine.lines.enumerated().map { position, line in
        StyledLine(
          (position == 0 ? head : [(String(repeating: " ", count: headWidth), .plain)]) + [(line, style)])
      }
    }
    let grid = TensorGrid(tensor, fullPrecision: state.fullPrecision, width: width - indent)
    return [StyledLine(head)]
      + grid.lines.map { StyledLine([(String(repeating: " ", count: indent), .plain), ($0, style)]) }
  }

  /// `  label = value`, with the shape after the label for a tensor.
  private func labelled(_ label: String, _ tensor: Tensor?, style: CellStyle = Theme.value) -> [StyledLine] {
    let shape = tensor.map { $0.rank == 0 ? "" : " \(formatShape($0.shape))" } ?? ""
    return block([("  \(label)\(shape) = ", .plain)], tensor, style: style)
  }

  private func expression(of function: Int) -> String {
    let node = graph.functions[function]
    let outputs = node.outputs.map(name).joined(separator: ", ")
    return "\(outputs) = \(node.function.expression(node.inputs.map { graph.variables[$0].symbol }))"
  }

  private func heading(_ title: String, _ detail: String) -> [StyledLine] {
    wrap([title + detail], width: width, indent: "  ").enumerated().map { position, line in
      guard position == 0, line.hasPrefix(title) else { return StyledLine(line) }
      return StyledLine([(title, Theme.heading), (String(line.dropFirst(title.count)), .plain)])
    }
  }

  private func startLines() -> [StyledLine] {
    let lesson = state.narration.lesson
    var lines =
      lesson.isEmpty
      ? heading("Start", "  only the inputs have data; press n to run the first function")
      : heading("Start", "  " + lesson[0]) + narrated(Array(lesson.dropFirst()))
        + [StyledLine("  only the inputs have data; press n to run the first function", Theme.help)]
    for leaf in graph.leaves { lines += labelled(name(leaf), session.data(of: leaf)) }
    return lines
  }

  /// The program's comment lines in the narration's style, each wrapped to the width.
  private func narrated(_ text: [String]) -> [StyledLine] {
    text.flatMap { line in
      wrap([line], width: width - 2, indent: "").map { StyledLine([("  ", .plain), ($0, Theme.narration)]) }
    }
  }

  /// The comment above function `function`'s statement, while its step is the active one.
  private func noteLines(_ function: Int) -> [StyledLine] {
    narrated(state.narration.note(for: graph.functions[function].function) ?? [])
  }

  /// For a function a program's `grad` recorded: which backward made it; for an imported one: the
  /// model's node it came from.
  private func derivationLines(_ node: GraphModel.FunctionNode) -> [StyledLine] {
    let text = node.derivation.map { "  recorded by \($0)" } ?? node.origin.map { "  from \($0)" }
    guard let text else { return [] }
    return wrap([text], width: width, indent: "    ").map {
      StyledLine($0, Theme.help)
    }
  }

  private func forwardLines(_ function: Int) -> [StyledLine] {
    let node = graph.functions[function]
    var lines =
      heading("Forward · \(node.label)", "  \(expression(of: function))") + noteLines(function)
      + derivationLines(node)
    for input in Array(Set(node.inputs)).sorted() { lines += labelled(name(input), session.data(of: input)) }
    for output in node.outputs {
      lines += labelled(name(output), session.data(of: output), style: Theme.freshValue)
    }
    return lines
  }

  private func seedLines(_ variable: Int, pass: Int) -> [StyledLine] {
    heading(
      session.passCount > 1 ? "Seed · pass \(pass)" : "Seed",
      "  \(name(variable)).grad = 1, as the seed does by hand: y.grad = np.array(1.0)")
      + labelled("\(name(variable)).grad", session.grad(of: variable), style: Theme.freshValue)
      + labelled(name(variable), session.data(of: variable))
  }

  private func backwardLines(_ step: Step) -> [StyledLine] {
    guard case .backward(let function) = step.kind, let rule = ChainRule(step: step, in: graph) else {
      return []
    }
    let node = graph.functions[function]
    let scalarGrads = step.outputGrads.allSatisfy { $0.rank == 0 }
    let gys = zip(node.outputs, step.outputGrads).map { output, gy in
      "\(name(output)).grad" + (scalarGrads ? " = \(NumberFormat.full(gy))" : " \(formatShape(gy.shape))")
    }
    var lines =
      heading(
        "Backward · \(node.label)", "  \(expression(of: function))   gy = \(gys.joined(separator: ", "))")
      + noteLines(function)
    for term in rule.terms {
      lines +=
        ChainRuleLines(inspector: self, function: rule.function, term: term, gy: step.outputGrads.first)
        .lines
    }
    if !scalarGrads {
      for (output, gy) in zip(node.outputs, step.outputGrads) {
        lines += block([("  gy = \(name(output)).grad = ", .plain)], gy)
      }
    }
    if state.showsGenerations { lines += QueueLines(session: session, width: width).lines }
    if !state.retainsGrad {
      let freed = node.outputs.map { "\(name($0)).grad" }.joined(separator: ", ")
      lines += wrap(
        ["retainGrad false: \(freed) freed now that \(node.label) has used it"], width: width, indent: "  "
      ).map { StyledLine($0, Theme.help) }
    }
    return lines
  }

  private func variableLines(_ index: Int) -> InspectorLines {
    let node = graph.variables[index]
    let creator =
      node.creator.map { "from " + graph.functions[$0].label } ?? (free(index) ? "constant" : "from input")
    let usage = UsageLines(inspector: self, variable: index)
    let sum = usage.sum(total: shownGrad(index))
    var lines = InspectorLines(
      heading("Variable \(node.label)", "  shape \(formatShape(node.variable.shape)) · \(creator)")
        + labelled("data", session.data(of: index)))
    lines.append(sum.count == 0 ? InspectorLines(gradLines(index)) : sum)
    lines.append(usage.uses)
    lines.append(
      ElementTableLines(label: node.label, data: session.data(of: index), grad: shownGrad(index)).lines)
    return lines
  }

  /// Variable `index`'s grad at the cursor, `nil` when `retainGrad: false` has freed it.
  private func shownGrad(_ index: Int) -> Tensor? {
    !state.retainsGrad && session.gradIsFreed(index) ? nil : session.grad(of: index)
  }

  /// Whether variable `index` takes no gradient (a model's constant or buffer, or computed from
  /// those alone).
  private func free(_ index: Int) -> Bool { graph.gradientFree.contains(index) }

  /// `grad = …`, that `retainGrad: false` has freed it, or that the variable takes none.
  private func gradLines(_ index: Int) -> [StyledLine] {
    if free(index) {
      return [StyledLine([("  grad = ", .plain), ("none: a constant takes no gradient", Theme.pending)])]
    }
    guard !state.retainsGrad, session.gradIsFreed(index), let creator = graph.variables[index].creator else {
      return labelled("grad", session.grad(of: index))
    }
    return [
      StyledLine([
        ("  grad = ", .plain),
        ("freed (retainGrad false: \(graph.functions[creator].label) has used it)", Theme.pending),
      ])
    ]
  }

  private func functionLines(_ index: Int) -> [StyledLine] {
    let node = graph.functions[index]
    let names = node.inputs.map(name)
    var lines = heading("Function \(node.label)", "  \(expression(of: index))") + derivationLines(node)
    for position in node.inputs.indices where !free(node.inputs[position]) {
      let gradient = node.inputs.count == 1 ? "gx" : "gx\(position)"
      let formula = node.function.gradientFormula(input: position, names: names)
      lines += wrap(
        ["  \(gradient) = \(formula)", "(∂ w.r.t. \(names[position]))"], width: width, indent: "    "
      )
      .map { StyledLine($0) }
    }
    return lines
  }
}
