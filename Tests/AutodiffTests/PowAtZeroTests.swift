import Autodiff
import Testing

/// `Pow`'s backward at x = 0 (and at a subnormal x, whose reciprocal overflows): the derivative of
/// x⁰ is 0 everywhere, so every derivative of an integer power is exact there, in first and
/// higher order, on tensors and on variables.
@Suite struct PowAtZeroTests {
  @Test(arguments: [0.0, 1e-320, -0.0])
  func theDerivativeOfXToTheZeroIsZero(at value: Double) {
    let x = Variable(value)
    pow(x, 0).backward()
    #expect(x.grad == Tensor(0))
    let y = pow(x, 0)
    #expect(grad(y, x, createGraph: true).data == Tensor(0))
  }

  @Test func theDerivativeOfXToTheOneIsOneAtZero() {
    let x = Variable(0.0)
    pow(x, 1).backward()
    #expect(x.grad == Tensor(1))
  }

  @Test(arguments: [0.0, 1e-320])
  func everyDerivativeOfXSquaredIsExact(at value: Double) {
    let x = Variable(value)
    let first = grad(pow(x, 2), x, createGraph: true)
    let second = grad(first, x, createGraph: true)
    #expect(first.data == Tensor(2 * value))
    #expect(second.data == Tensor(2))
    x.cleargrad()
    second.backward()
    #expect(x.grad == Tensor(0), "the third derivative")
  }

  @Test func theFourthDerivativeOfXCubedIsZeroAtZero() {
    let x = Variable(Tensor([0.0, 1e-320, 2]))
    var derivative = pow(x, 3)
    for _ in 1...3 { derivative = grad(sum(derivative), x, createGraph: true) }
    #expect(derivative.data == Tensor([6, 6, 6]))
    x.cleargrad()
    sum(derivative).backward()
    #expect(x.grad == Tensor([0, 0, 0]))
  }

  @Test func theLocalDerivativeOfXToTheZeroIsZero() {
    #expect(Pow(0).localDerivative(Tensor([0, 1e-320, 3])) == [Tensor([0, 0, 0])])
    #expect(Pow(0).gradientFormula(input: 0, names: ["x"]) == "0·gy")
  }
}
