import Autodiff
import GraphProgram
import Stepping
import Testing

@testable import Visualizer

/// The gradient check at ties and kinks, where the central difference splits the one-sided slopes
/// and backprop picks a subgradient as PyTorch does: `n/a` naming the element and both slopes, in
/// the inspector and the JSON, and the check still passes.
@Suite struct GradientCheckKinkViewTests {
  @Test(arguments: [
    ("x = [1.0, 1.0, 1.0, 1.0]\ny = max(x)", "x[0]", "0.0 and 1.0"),
    ("x = 2.0\ny = clip(x, 0, 2)", "x", "1.0 and 0.0"),
    ("x = 0.0\ny = relu(x)", "x", "0.0 and 1.0"),
  ])
  func aKinkIsNotApplicableNotAFailure(program: String, label: String, slopes: String) throws {
    let state = try GradientCheckViewing.end(program)
    let text = GradientCheckViewing.inspectorText(state)
    let reason = "not differentiable at \(label) (one-sided slopes \(slopes))"
    #expect(text.contains("n/a: " + reason), "\(text)")
    #expect(!text.contains("FAIL"), "\(text)")
    let check = try GradientCheckViewing.check(state)
    #expect(check["passed"] as? Bool == true)
    let entries = check["entries"] as! [[String: Any]]
    #expect(entries.contains { $0["not_applicable"] as? String == reason }, "\(entries)")
  }

  /// `abs` at 0 and `maximum` of ties: backprop (0, and 0.5 each) is the central difference, a pass.
  @Test(arguments: ["x = [0.0, 2.0]\ny = abs(x)", "a = 1.0\nb = 1.0\ny = maximum(a, b)"])
  func aKinkWhereBackpropIsTheCentralDifferencePasses(program: String) throws {
    let state = try GradientCheckViewing.end(program)
    let text = GradientCheckViewing.inspectorText(state)
    #expect(text.contains("✓ pass") && !text.contains("FAIL") && !text.contains("n/a"), "\(text)")
    #expect(try GradientCheckViewing.check(state)["passed"] as? Bool == true)
  }

  @Test func maxOfTiesInTheInspector() throws {
    assertSnapshot(
      GradientCheckViewing.inspectorText(
        try GradientCheckViewing.end("x = [1.0, 1.0, 1.0, 1.0]\ny = max(x)")),
      named: "gradient-check-max-ties")
  }
}
