import Autodiff
import Testing

/// The gradient check near the edge of a function's domain: where `x ± eps` leaves it (`log` of
/// 1e-9 with eps 1e-6), the check tries a step scaled to |x|, and where that leaves it too, it says
/// which function's domain is left instead of failing.
@Suite struct GradientCheckDomainTests {
  @Test(arguments: [("log", 1e-9), ("sqrt", 1e-7), ("log", 3e-7)])
  func aTinyInputIsCheckedWithAStepScaledToIt(function: String, value: Double) throws {
    let a = Variable(value, name: "a")
    let y = function == "log" ? log(a) : sqrt(a)
    y.backward()
    let check = gradientCheck(of: y, inputs: [a])
    let entry = try #require(check.entries.first)
    #expect(entry.numerical.isFinite, "\(entry.numerical)")
    #expect(entry.step == 1e-6 * value)
    #expect(entry.leavesDomainOf == nil)
    #expect(check.passes(entry) && check.passed)
  }

  @Test func whereTheScaledStepLeavesTheDomainTooTheCheckSaysSo() throws {
    let x = Variable(1.0, name: "x")
    let y = log(x - 0.9999999)
    y.backward()
    let check = gradientCheck(of: y, inputs: [x])
    let entry = try #require(check.entries.first)
    #expect(entry.backprop.isFinite && !entry.numerical.isFinite)
    #expect(entry.leavesDomainOf == "log")
    #expect(check.notApplicable(entry, label: "x") == "x ± 1e-06 leaves the domain of log")
    #expect(!check.passes(entry))
    #expect(check.passed, "an element that cannot be checked is not a failure")
  }

  @Test func theFunctionFormFindsTheDomainToo() {
    let check = gradientCheck(inputs: [Tensor([1.0, 2.0])]) { sum(sqrt($0[0] - 0.9999999)) }
    #expect(check.entries.map(\.leavesDomainOf) == ["sqrt", nil])
    #expect(check.passed)
  }

  @Test func aGradientThatIsNotFiniteStillFails() throws {
    let a = Variable(0.0)
    let y = log(a)
    y.backward()
    let check = gradientCheck(of: y, inputs: [a])
    let entry = try #require(check.entries.first)
    #expect(check.notApplicable(entry, label: "a") == nil)
    #expect(!check.passed)
  }
}
