import Autodiff
import Testing

@testable import Stepping
@testable import Visualizer

@Suite struct InspectorTests {
  @Test func wrappingBreaksAtSpacesAndNeverInsideANumber() {
    let lines = wrap(
      ["gx = exp(a)·gy", "= 1.2840254166877414 × 2.568050833375483", "= 3.297442541400256"], width: 30,
      indent: "  ")
    #expect(
      lines == ["gx = exp(a)·gy", "  = 1.2840254166877414 ×", "  2.568050833375483", "  = 3.297442541400256"])
    #expect(wrap(["x = 1.2840254166877414"], width: 12, indent: "") == ["x = …"])
  }

  @Test func aLineTooWideIsCutAtASpaceWithAnEllipsis() {
    let line = StyledLine("x[0]  0.3780530521846169  0.37805305208582496").fitted(to: 30)
    #expect(line.runs.map(\.text).joined() == "x[0]  0.3780530521846169…")
  }

  @Test func theWindowSaysWhatItHides() {
    let lines = InspectorLines((0..<10).map { StyledLine("line \($0)") })
    let top = InspectorWindow(lines: lines, rows: 4, scroll: 0)
    #expect(top.visible.map { $0.runs[0].text }.prefix(3) == ["line 0", "line 1", "line 2"])
    #expect(top.visible.last?.runs[0].text.hasPrefix("… 7 more ↓") == true)
    #expect(top.aboveSign == nil)
    let middle = InspectorWindow(lines: lines, rows: 4, scroll: 3)
    #expect(middle.aboveSign?.contains("↑ 3 more") == true)
    let bottom = InspectorWindow(lines: lines, rows: 4, scroll: 99)
    #expect(bottom.top == 6)
    #expect(bottom.visible.map { $0.runs[0].text } == ["line 6", "line 7", "line 8", "line 9"])
    #expect(InspectorWindow(lines: lines, rows: 12, scroll: 5).maxScroll == 0)
  }

  @Test func aBroadcastInputsGradientIsASumOverTheBatch() throws {
    var state = try TestPrograms.state(TestPrograms.mlp, title: "mlp")
    state.update(.end)
    for _ in 0..<4 { state.update(.previous) }
    let rule = try #require(ChainRule(step: state.session.currentStep!, in: state.session.graph))
    #expect(rule.function == "Add")
    let b2 = rule.terms[1]
    #expect(b2.symbolic == "sum_to(gy, (1,))")
    let reduction = try #require(b2.reduction)
    #expect(reduction.axes == [0])
    #expect(reduction.unreduced.shape == [4, 1])
    #expect(abs(reduction.unreduced.scalars.reduce(0, +) - b2.result.scalars[0]) < 1e-15)
    #expect(rule.terms[0].reduction == nil)
    #expect(b2.clauses[1].hasPrefix("= sum over axis 0 of [["))
  }

  @Test func aSelectedTensorListsItsElementsInFullPrecision() {
    let data = Tensor(shape: [10, 10], scalars: (0..<100).map { Double($0) / 3 })
    let lines = ElementTableLines(label: "v", data: data, grad: nil).lines.map { $0.runs[0].text }
    #expect(lines.count == 2 + 64 + 1)
    #expect(lines[2] == "v[0,0]   0.0                 —")
    #expect(lines[3] == "v[0,1]   0.3333333333333333  —")
    #expect(lines.last == "… 36 more elements")
    #expect(ElementTableLines(label: "s", data: Tensor(2), grad: nil).lines.isEmpty)
  }

  @Test func theGradientCheckCoversEveryElementUpToItsLimit() throws {
    var linear = try TestPrograms.state(
      "W = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]; x = [1, 2, 3]; b = [0.1, -0.1]; y = sum(tanh(matmul(W, x) + b))",
      title: "linear")
    linear.update(.end)
    #expect(linear.session.gradientCheck.entries.count == 11)
    #expect(linear.session.uncheckedElementCount == 0)
    let big = try TestPrograms.state(
      "v = [\((0..<100).map { "\($0)" }.joined(separator: ", "))]; y = sum(v * v)", title: "big")
    #expect(big.session.gradientCheck.entries.count == Session.gradientCheckLimit)
    #expect(big.session.uncheckedElementCount == 100 - Session.gradientCheckLimit)
    let lines = GradientCheckLines(session: big.session, check: big.session.gradientCheck, width: 80).lines
    #expect(lines.count == 2 + 64 + 1)
    #expect(lines.last?.runs[0].text == "… 36 more elements not checked (the check stops at 64)")
  }
}
