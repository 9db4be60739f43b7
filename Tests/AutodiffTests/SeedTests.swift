import Autodiff
import Testing

/// The seed notebook (DeZero steps 1–4), cell by cell, to the last digit.
@Suite struct SeedTests {
  @Test func backpropThroughSquareExpSquareMatchesTheSeed() {
    let (a, b, c) = (Square(), Exp(), Square())
    let x = Variable(Tensor(0.5))
    let y = c(b(a(x)))
    y.grad = Tensor(1.0)
    y.backward()
    #expect(x.grad?.description == "3.297442541400256")
    #expect(y.data.description == "1.648721270700128")
  }

  @Test func numericalDiffOfSquareAtTwo() {
    let dy = numericalDiff(Square(), Variable(2.0))
    #expect(abs(dy.scalar! - 4.000000000115023) < 1e-12)
  }

  @Test func numericalDiffOfTheComposedFunctionAgreesWithBackprop() {
    func f(_ x: Variable) -> Variable { Square()(Exp()(Square()(x))) }
    let dy = numericalDiff(f, Variable(0.5)).scalar!
    #expect(abs(dy - 3.297442541350115) < 1e-12)
    let x = Variable(0.5)
    f(x).backward()
    #expect(abs(dy - x.grad!.scalar!) < 1e-6)
  }

  @Test func lowerCaseHelpersBuildTheSameGraph() {
    let x = Variable(0.5, name: "x")
    let y = square(exp(square(x)))
    y.backward()
    #expect(x.grad == Tensor(3.297442541400256))
    #expect(y.creator is Square)
    #expect(y.generation == 3)
    #expect(y.creator?.inputs[0].creator is Exp)
  }

  @Test func aScalarTensorPrintsAsNumPyPrintsIt() {
    #expect(Tensor(0.5).description == "0.5")
    #expect(Variable(0.5).description == "variable(0.5)")
    #expect(Tensor([[1, 2], [3, 4]]).description == "[[1.0, 2.0], [3.0, 4.0]]")
  }
}
