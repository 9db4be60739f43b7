import Autodiff
import Foundation
import Testing

/// Gradients of gradients (`createGraph: true`, `grad(_:_:)`) against closed forms, as DeZero's
/// steps 33–36.
@Suite struct HigherOrderTests {
  /// y = x⁴ − 2x², DeZero's step 33 example.
  private func quartic(_ x: Variable) -> Variable { pow(x, 4) - 2 * square(x) }

  private func scalar(_ variable: Variable) -> Double { variable.data.scalar! }

  @Test func theQuarticsFirstAndSecondDerivativesAtTwo() {
    let x = Variable(2.0, name: "x")
    let y = quartic(x)
    let dy = grad(y, x, createGraph: true)
    #expect(scalar(dy) == 24)
    #expect(dy.creator != nil)
    let d2y = grad(dy, x)
    #expect(scalar(d2y) == 44)
    #expect(d2y.creator == nil)
  }

  @Test func theStepThirtyThreeWayWithBackwardAndGradVariable() throws {
    let x = Variable(2.0)
    let y = quartic(x)
    y.backward(createGraph: true)
    let gx = try #require(x.gradVariable)
    #expect(x.grad == Tensor(24))
    #expect(gx.data == Tensor(24))
    x.cleargrad()
    gx.backward()
    #expect(x.grad == Tensor(44))
    #expect(x.gradVariable == nil)
  }

  @Test(arguments: [-1.5, -0.3, 0.0, 0.4, 1.2])
  func tanhUpToTheThirdDerivative(at value: Double) {
    let x = Variable(value)
    let t = Foundation.tanh(value)
    let d1 = grad(tanh(x), x, createGraph: true)
    let d2 = grad(d1, x, createGraph: true)
    let d3 = grad(d2, x)
    #expect(abs(scalar(d1) - (1 - t * t)) < 1e-15)
    #expect(abs(scalar(d2) - (-2 * t * (1 - t * t))) < 1e-15)
    #expect(abs(scalar(d3) - (-2 * (1 - t * t) * (1 - 3 * t * t))) < 1e-14)
  }

  @Test func sinToTheFourthDerivative() {
    let value = 0.7
    let x = Variable(value)
    var derivative = sin(x)
    var values = [Double]()
    for _ in 0..<4 {
      derivative = grad(derivative, x, createGraph: true)
      values.append(scalar(derivative))
    }
    let expected = [
      Foundation.cos(value), -Foundation.sin(value), -Foundation.cos(value), Foundation.sin(value),
    ]
    for (got, want) in zip(values, expected) { #expect(abs(got - want) < 1e-15) }
  }

  @Test func aMixedSecondDerivative() {
    // z = x·y²: ∂z/∂y = 2xy, ∂²z/∂y∂x = 2y.
    let x = Variable(3.0, name: "x")
    let y = Variable(-1.5, name: "y")
    let z = x * square(y)
    let dzdy = grad(z, y, createGraph: true)
    #expect(scalar(dzdy) == 2 * 3 * -1.5)
    #expect(scalar(grad(dzdy, x)) == 2 * -1.5)
    #expect(scalar(grad(dzdy, y)) == 2 * 3)
  }

  @Test func theSecondDerivativeOfASumOfCubesIsSixXElementwise() {
    let x = Variable(Tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.25]]))
    let y = sum(x * x * x)
    let dy = grad(y, x, createGraph: true)
    #expect(dy.data == x.data.map { 3 * $0 * $0 })
    #expect(grad(sum(dy), x).data == x.data.map { 6 * $0 })
  }

  @Test func broadcastingAddsASumToToTheSecondPass() {
    // y = sum(a·b) with a (2, 3) and b (3,) broadcast: ∂y/∂b = column sums of a, then ∂(sum ∂y/∂b)/∂a = 1.
    let a = Variable(Tensor([[1, 2, 3], [4, 5, 6]]))
    let b = Variable(Tensor([0.5, -1, 2]))
    let y = sum(a * b)
    let db = grad(y, b, createGraph: true)
    #expect(db.data == Tensor([5, 7, 9]))
    #expect(db.creator is SumTo)
    #expect(grad(sum(db * db), a).data == Tensor([[10, 14, 18], [10, 14, 18]]))
  }

  @Test func aGradientThatDoesNotDependOnXIsZero() {
    let x = Variable(Tensor([1, 2]))
    let dy = grad(sum(3 * x), x, createGraph: true)
    #expect(dy.data == Tensor([3, 3]))
    #expect(grad(sum(dy), x).data == Tensor([0, 0]))
  }

  @Test func newtonsMethodMinimisesTheQuarticFromTwo() throws {
    // DeZero step 33: x ← x − f′(x)/f″(x), converging to the minimum at 1.
    let x = Variable(2.0)
    var iterates = [Double]()
    for _ in 0..<10 {
      let y = quartic(x)
      x.cleargrad()
      y.backward(createGraph: true)
      let gx = try #require(x.gradVariable)
      x.cleargrad()
      gx.backward()
      let gx2 = try #require(x.grad)
      x.data = x.data - gx.data / gx2
      iterates.append(scalar(x))
    }
    #expect(abs(iterates[0] - 1.4545454545454546) < 1e-15)
    #expect(abs(iterates[6] - 1) < 1e-12)
    #expect(iterates.last == 1)
  }
}
