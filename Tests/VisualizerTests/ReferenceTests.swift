import Autodiff
import GraphLayout
import GraphProgram
import Testing

@testable import Stepping
@testable import Visualizer

/// References: which wires become them (``ReferenceRule``), how the 20-step recurrence reads, and
/// how selecting a variable shows it everywhere.
@Suite struct ReferenceTests {
  private static func graph(_ text: String) throws -> GraphModel {
    let program = try Program.parse(text)
    return GraphModel(output: program.output, functionOrder: program.functionsInStatementOrder)
  }

  /// The references `rule` makes in `text`'s graph: (variable, consumer box label) in box order.
  private static func references(_ text: String, rule: ReferenceRule = ReferenceRule()) throws
    -> [(variable: String, consumer: String)]
  {
    let graph = try graph(text)
    var display = DisplayGraph(graph: graph)
    let flags = try rule.references(in: display)
    for (edge, flag) in zip(display.edges, flags) where flag {
      #expect(edge.to == edge.functionBox, "only wires into a function become references")
    }
    display.drawReferences(flags)
    return display.nodes.compactMap { node in
      guard case .reference(let variable, let consumer) = node else { return nil }
      return (graph.variables[variable].label, DisplayGraph.label(of: display.nodes[consumer], in: graph))
    }
  }

  @Test func aVariableWithManyConsumersKeepsAWireOnlyToTheFirst() throws {
    let text = "x = 0.5\ny = x + x + x + x + x + x + x"
    let wide = ReferenceRule(maxSpan: .max, maxFanOut: 4)
    let references = try Self.references(text, rule: wide)
    #expect(references.map(\.variable) == Array(repeating: "x", count: 5))
    #expect(references.allSatisfy { $0.consumer == "Add" })
    #expect(try Self.references(text, rule: ReferenceRule(maxSpan: .max, maxFanOut: 6)).isEmpty)
  }

  @Test func aWireSpanningMoreThanTwoLayersBecomesAReference() throws {
    // x: layer 0; Add(x, x): 1; y#1: 2; Add(y#1, x): 3, so x's second use spans 3 layers.
    let long = ReferenceRule(maxFanOut: .max, shortGraphLayers: 0)
    let references = try Self.references("x = 3\ny = x * x + x", rule: long)
    #expect(references.map(\.variable) == ["x"])
    #expect(references.map(\.consumer) == ["Add"])
    #expect(
      try Self.references("x = 3\ny = x * x + x", rule: ReferenceRule(maxSpan: 3, shortGraphLayers: 0))
        .isEmpty)
  }

  /// reuse.grad: five layers, short enough for x's wire into Add to fit, so it is a wire, not a
  /// second x; the same wire in a longer graph becomes a reference.
  @Test func aShortGraphKeepsItsFarWires() throws {
    #expect(try Self.references("x = 3\ny = x * x + x", rule: ReferenceRule()).isEmpty)
    let longer = try Self.references("x = 3\ny = exp(sin(x * x + x))\nz = y + x", rule: ReferenceRule())
    #expect(!longer.isEmpty && longer.allSatisfy { $0.variable == "x" })
  }

  @Test func aVariableMadeFarFromItsUseIsDrawnBesideItsFunction() throws {
    // x * x needs only x, so it is made early; its result is used last, by Add.
    let text = "x = 0.5\na = sin(x)\nb = sin(a)\nc = sin(b)\nd = sin(c) + x * x"
    let references = try Self.references(text)
    #expect(references.map(\.variable) == ["d#2"])
    #expect(references.map(\.consumer) == ["Add"])
  }

  @Test func nearWiresAndOutputsStayWires() throws {
    #expect(try Self.references("x = 2\ny = 3\nz = x * y + sin(x)").isEmpty)
    #expect(try Self.references("x = 0.5\na = square(x)\nb = exp(a)\ny = square(b)").isEmpty)
  }

  @Test func aReferenceSharedByTwoInputsOfOneFunctionIsOneBox() throws {
    // x has five consumers; the last, Mul, takes it twice: one reference, two wires.
    let text = "x = 0.5\ny = sin(x) + cos(x) + exp(x) + tanh(x) + x * x"
    let graph = try Self.graph(text)
    var display = DisplayGraph(graph: graph)
    display.drawReferences(try ReferenceRule().references(in: display))
    let boxes = display.nodes.indices.filter {
      if case .reference = display.nodes[$0] { return true } else { return false }
    }
    #expect(boxes.count == 4)
    let mul = graph.nodeID(function: graph.functions.firstIndex { $0.label == "Mul" }!)
    let intoMul = display.edges.filter { boxes.contains($0.from) && $0.to == display.boxOf[mul] }
    #expect(intoMul.count == 2)
    #expect(intoMul[0].from == intoMul[1].from)
  }

  private static func rnn(steps: Int) -> String {
    (["w = 0.9", "u = 0.5", "h0 = 0"] + (1...steps).map { "x\($0) = 0.\($0 % 10)" }
      + (1...steps).map { "h\($0) = tanh(w*h\($0 - 1) + u*x\($0))" }).joined(separator: "\n")
  }

  @Test func theTwentyStepRecurrenceReadsAsAChain() throws {
    let program = try Program.parse(Self.rnn(steps: 20))
    let session = Session(
      output: program.output, functionOrder: program.functionsInStatementOrder,
      inputs: program.inputs.map(\.variable))
    let state = AppState(session: session, title: "rnn", orientation: .leftToRight)
    let scene = try Screen().scene(for: state, columns: 120, rows: 40)
    let layout = scene.layout
    for route in layout.routes {
      let edge = scene.display.edges[route.edge]
      #expect(layout.layerOf[edge.to] - layout.layerOf[edge.from] <= 2, "wire \(route.edge) is long")
    }
    let graph = session.graph
    let hidden = (0...20).map { name in graph.variables.firstIndex { $0.label == "h\(name)" }! }
    let layers = hidden.map { layout.layerOf[scene.display.boxOf[$0]] }
    #expect(zip(layers, layers.dropFirst()).allSatisfy { $0 < $1 })
    let referenced = scene.display.nodes.compactMap { node -> String? in
      guard case .reference(let variable, _) = node else { return nil }
      return graph.variables[variable].label
    }
    #expect(referenced.filter { $0 == "w" }.count == 19)
    #expect(referenced.filter { $0 == "u" }.count == 19)
    #expect(Set(referenced) == ["w", "u"])
  }

  /// Graphs of the kinds references are for: a long recurrence, a long fan-out sum, two coupled
  /// recurrences, a sum of products of one variable.
  static let sharedParameterPrograms: [String] = [
    rnn(steps: 150),
    "x = 0.5\ny = " + Array(repeating: "x", count: 400).joined(separator: " + "),
    (["w = 0.5", "u = 0.8", "v = 0.3", "x = 1", "h0 = 0", "c0 = 0"]
      + (1...60).flatMap { t in
        ["c\(t) = tanh(w*c\(t - 1) + v*h\(t - 1))", "h\(t) = tanh(u*h\(t - 1) + c\(t)*x)"]
      }).joined(separator: "\n"),
    "x = 0.5\ny = " + Array(repeating: "x*x", count: 150).joined(separator: " + "),
  ]

  @Test(arguments: sharedParameterPrograms.indices, [Orientation.leftToRight, .topToBottom])
  func noWireOfASharedParameterGraphSpansMoreThanTwoLayers(program: Int, orientation: Orientation) throws {
    let graph = try Self.graph(Self.sharedParameterPrograms[program])
    for collapsed in [false, true] {
      let scene = try GraphScene(
        graph: graph, orientation: orientation, style: .compact, collapsed: collapsed)
      let layers = scene.layout.layerOf
      let long = scene.display.edges.filter { layers[$0.to] - layers[$0.from] > 2 }
      #expect(long.isEmpty, "\(long.count) long wires, collapsed: \(collapsed)")
    }
  }

  @Test func clickingAReferenceSelectsItsVariableAndHighlightsEveryCopy() throws {
    let program = try Program.parse(Self.rnn(steps: 4))
    let session = Session(output: program.output, functionOrder: program.functionsInStatementOrder)
    let screen = Screen()
    var app = App(state: AppState(session: session, title: "rnn"), screen: screen)
    let (columns, rows) = (120, 40)
    _ = app.render(columns: columns, rows: rows)
    let scene = try screen.scene(for: app.state, columns: columns, rows: rows)
    let view = GraphView(scene: scene, state: app.state)
    let regions = screen.regions(for: app.state, columns: columns, rows: rows)
    let origin = view.origin(width: columns, height: regions.graphHeight)
    func onScreen(_ box: Int) -> (x: Int, y: Int) {
      let rect = scene.layout.boxes[box]
      return (rect.x - origin.x, rect.y - origin.y + regions.graphTop)
    }
    let w = session.graph.variables.firstIndex { $0.label == "w" }!
    let copies = scene.display.nodes.indices.filter {
      if case .reference(w, _) = scene.display.nodes[$0] { return true } else { return false }
    }
    #expect(copies.count == 3)
    let clicked = onScreen(copies[1])
    _ = app.handle(.click(x: clicked.x + 1, y: clicked.y + 1), columns: columns, rows: rows)
    #expect(app.state.selection == w)
    let frame = app.render(columns: columns, rows: rows)
    let highlighted = GraphView(scene: scene, state: app.state)
    let shifted = highlighted.origin(width: columns, height: regions.graphHeight)
    var seen = 0
    for box in copies + [scene.display.boxOf[w]] {
      let rect = scene.layout.boxes[box]
      let (x, y) = (rect.x - shifted.x, rect.y - shifted.y + regions.graphTop)
      let title = box == scene.display.boxOf[w] ? (x: x + rect.width / 2, y: y + 1) : (x: x + 3, y: y)
      guard frame.contains(x: title.x, y: title.y), title.y < regions.inspectorTop else { continue }
      #expect(frame[x: title.x, y: title.y].character == "w")
      #expect(frame[x: title.x, y: title.y].style == Theme.selected)
      seen += 1
    }
    #expect(seen >= 2)
    #expect(
      InspectorView(state: app.state, width: columns).lines().map(\.text).contains("  used by 4 functions:"))
  }

  @Test func usedByNamesEveryUseByItsStatementAndForwardStep() throws {
    let program = try Program.parse(Self.rnn(steps: 20))
    let state = AppState(session: Session(output: program.output), title: "rnn")
    let w = state.session.graph.variables.firstIndex { $0.label == "w" }!
    let lines = UsageLines(inspector: InspectorView(state: state, width: 60), variable: w).uses.all.map(
      \.text)
    #expect(lines.count == 21)
    #expect(lines[0] == "  used by 20 functions:")
    #expect(lines[1] == "    h1#1 = w · h0 (Mul, forward step 1)")
    #expect(lines[2] == "    h2#1 = w · h1 (Mul, forward step 5)")
    #expect(lines[20] == "    h20#1 = w · h19 (Mul, forward step 77)")
    #expect(lines.allSatisfy { $0.count <= 60 })
    let output = state.session.graph.output
    #expect(
      UsageLines(inspector: InspectorView(state: state, width: 80), variable: output).uses.all.map(\.text)
        == ["  used by: nothing (the output)"])
  }

  /// Backprop through time, visible: the shared weight's grad is the sum of its 20 contributions,
  /// listed in timeline order or (`s`) largest first, each adding up to the total.
  @Test func aSharedWeightsGradIsListedAsTheSumOfEveryContribution() throws {
    let program = try Program.parse(Self.rnn(steps: 20))
    var state = AppState(session: Session(output: program.output), title: "rnn")
    let w = state.session.graph.variables.firstIndex { $0.label == "w" }!
    state.update(.select(w))
    state.update(.end)
    let terms = state.session.contributions(to: w)
    #expect(terms.count == 20)
    let total = terms.reduce(0.0) { $0 + $1.gradient.scalars[0] }
    #expect(abs(total - state.session.grad(of: w)!.scalars[0]) < 1e-12)
    let lines = InspectorView(state: state, width: 80).lines().map(\.text)
    let head = lines.firstIndex { $0.hasPrefix("  w.grad = Σ 20 contributions = ") }!
    #expect(lines[head + 2].hasSuffix("h20#1 = w · h19  (backward step \(terms[0].step))"))
    state.update(.toggleContributionOrder)
    let sorted = InspectorView(state: state, width: 80).lines().map(\.text)
    let largest = terms.max { abs($0.gradient.scalars[0]) < abs($1.gradient.scalars[0]) }!
    #expect(sorted[head + 1].contains("largest first"))
    #expect(sorted[head + 2].contains(NumberFormat.full(abs(largest.gradient.scalars[0]))))
    #expect(sorted[head + 2].hasSuffix("(backward step \(largest.step))"))
  }

  @Test func jsonStateNeedsNoLayout() throws {
    let program = try Program.parse(Self.rnn(steps: 3))
    let screen = Screen()
    var run = HeadlessRun(
      app: App(state: AppState(session: Session(output: program.output), title: "rnn"), screen: screen),
      columns: 80, rows: 24)
    run.apply(keys: try Key.parseScript("nnn<tab>b"))
    #expect(run.app.state.session.phase == .done)
    #expect(screen.cache.isEmpty)
    _ = run.finalFrame(keys: [])
    #expect(!screen.cache.isEmpty)
  }

  @Test func graphsOverTheLayoutLimitAreRefusedWithTheReason() {
    #expect(LayoutLimit.refusal(nodes: LayoutLimit.nodes) == nil)
    #expect(
      LayoutLimit.refusal(nodes: 1_234_567)
        == "the graph has 1,234,567 variables and functions, more than the 1,000,000 GradStep lays out "
        + "and draws; --json shows its values without drawing it")
  }
}
