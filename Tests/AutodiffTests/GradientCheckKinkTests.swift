import Autodiff
import Testing

/// `|x|` with a deliberately wrong backward, `2·sign(x)·gy`, everywhere (doubled) and at 0 (2, not
/// a slope between −1 and 1).
private final class WrongAbs: Function {
  override func forward(_ xs: [Tensor]) -> [Tensor] { [xs[0].map { Swift.abs($0) }] }
  override func backward(_ gys: [Tensor]) -> [Tensor] {
    [inputs[0].data.map { $0 < 0 ? -2 : 2 } * gys[0]]
  }
}

/// The gradient check at kinks: a backprop value between the one-sided slopes is not applicable
/// (a subgradient), one outside them, or a wrong gradient where `f` is smooth, still fails.
@Suite struct GradientCheckKinkTests {
  @Test func reluAtZeroTakesASubgradient() throws {
    let x = Variable(Tensor([0.0, 3.0]), name: "x")
    let y = sum(relu(x))
    y.backward()
    let check = gradientCheck(of: y, inputs: [x])
    #expect(check.entries.map(\.oneSidedSlopes) == [[0, 1], nil])
    #expect(
      check.notApplicable(check.entries[0], label: "x[0]")
        == "not differentiable at x[0] (one-sided slopes 0.0 and 1.0)")
    #expect(check.notApplicable(check.entries[1], label: "x[1]") == nil)
    #expect(check.passed)
  }

  @Test func aWrongGradientAtAKinkStillFails() throws {
    let x = Variable(Tensor([0.0, 3.0]), name: "x")
    let y = sum(WrongAbs()([x])[0])
    y.backward()
    let check = gradientCheck(of: y, inputs: [x])
    #expect(check.entries.map(\.backprop) == [2, 2])
    #expect(check.entries[0].oneSidedSlopes == [-1, 1])
    #expect(check.entries[1].oneSidedSlopes == nil, "smooth at 3: the slopes agree")
    #expect(check.entries.allSatisfy { !check.passes($0) && check.notApplicable($0, label: "x") == nil })
    #expect(!check.passed)
  }

  @Test func aSmoothFunctionWithLargeCurvaturePassesAsBefore() throws {
    let x = Variable(0.01, name: "x")
    let y = 1 / x
    y.backward()
    let check = gradientCheck(of: y, inputs: [x])
    #expect(check.entries.allSatisfy { check.passes($0) && $0.oneSidedSlopes == nil })
  }
}
