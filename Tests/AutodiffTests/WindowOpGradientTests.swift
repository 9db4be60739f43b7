import Autodiff
import Foundation
import Testing

/// Convolution, pooling and leaky ReLU: backprop against central differences (on tensors and, for
/// the second derivative's path, on variables), and forward values worked by hand.
@Suite struct WindowOpGradientTests {
  private func values(_ shape: [Int], seed: Double) -> Tensor {
    let count = Tensor.elementCount(of: shape)
    return Tensor(shape: shape, scalars: (0..<count).map { Foundation.sin(Double($0) * 1.7 + seed) * 1.3 })
  }

  @Test(arguments: [
    Window2D(kernel: [3, 3]),
    Window2D(kernel: [3, 3], padding: [1, 1, 1, 1]),
    Window2D(kernel: [2, 3], stride: [2, 1], padding: [0, 1, 1, 0]),
    Window2D(kernel: [2, 2], dilation: [2, 1]),
  ])
  func conv2DGradientsMatchCentralDifferences(window: Window2D) {
    let x = values([2, 2, 5, 4], seed: 0.3)
    let w = values([3, 2] + window.kernel, seed: 1.1)
    let check = gradientCheck(inputs: [x, w]) { Conv2D(window)($0[0], $0[1]) }
    #expect(check.passed, "max abs error \(check.maxAbsoluteError)")
    let (xv, wv) = (Variable(x), Variable(w))
    let y = Conv2D(window)(xv, wv)
    let weights = Variable(values(y.shape, seed: 2))
    sum(y * weights).backward(createGraph: true)
    let tensorPath = Conv2D(window)
    _ = tensorPath(Variable(x), Variable(w))
    let expected = tensorPath.backward([weights.data])
    #expect(maxDifference(xv.grad!, expected[0]) < 1e-12)
    #expect(maxDifference(wv.grad!, expected[1]) < 1e-12)
  }

  @Test func conv2DForwardByHand() {
    let x = Variable(Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9]))
    let w = Variable(Tensor(shape: [1, 1, 2, 2], scalars: [1, 0, 0, -1]))
    #expect(
      Conv2D(Window2D(kernel: [2, 2]))(x, w).data == Tensor(shape: [1, 1, 2, 2], scalars: [-4, -4, -4, -4]))
    let padded = Conv2D(Window2D(kernel: [2, 2], padding: [1, 1, 0, 0]))(x, w).data
    #expect(padded.shape == [1, 1, 3, 3])
    #expect(padded.scalars[0] == -1)
  }

  @Test(arguments: [
    Window2D(kernel: [2, 2], stride: [2, 2]),
    Window2D(kernel: [3, 2], stride: [1, 2], padding: [1, 0, 1, 0]),
  ])
  func poolingGradientsMatchCentralDifferences(window: Window2D) {
    let x = values([2, 3, 4, 4], seed: 0.7)
    let max = gradientCheck(inputs: [x]) { MaxPool2D(window)($0[0]) }
    #expect(max.passed, "max pool: \(max.maxAbsoluteError)")
    for include in [false, true] {
      let average = gradientCheck(inputs: [x]) { AveragePool2D(window, countIncludePad: include)($0[0]) }
      #expect(average.passed, "average pool: \(average.maxAbsoluteError)")
    }
  }

  @Test func poolingGradientsOnVariablesEqualThoseOnTensors() {
    let window = Window2D(kernel: [2, 2], stride: [1, 1], padding: [1, 1, 0, 0])
    for make in [{ MaxPool2D(window) as Function }, { AveragePool2D(window) as Function }] {
      let x = Variable(values([1, 2, 3, 3], seed: 0.2))
      let y = make()(x)
      let weights = Variable(values(y.shape, seed: 2))
      sum(y * weights).backward(createGraph: true)
      let tensorPath = make()
      _ = tensorPath(Variable(x.data))
      let expected = tensorPath.backward([weights.data])[0]
      #expect(maxDifference(x.grad!, expected) < 1e-12, "\(make())")
    }
  }

  @Test func poolingForwardByHand() {
    let x = Variable(Tensor(shape: [1, 1, 2, 4], scalars: [1, 5, 2, 0, 3, 4, 8, 6]))
    let window = Window2D(kernel: [2, 2], stride: [2, 2])
    #expect(MaxPool2D(window)(x).data == Tensor(shape: [1, 1, 1, 2], scalars: [5, 8]))
    #expect(AveragePool2D(window)(x).data == Tensor(shape: [1, 1, 1, 2], scalars: [3.25, 4]))
  }

  private func maxDifference(_ a: Tensor, _ b: Tensor) -> Double {
    a.shape == b.shape ? zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0 : .infinity
  }

  @Test func leakyReLU() {
    let check = gradientCheck(inputs: [Tensor([-1.5, -0.2, 0.3, 2])]) { leakyRelu($0[0], alpha: 0.1) }
    #expect(check.passed)
    #expect(leakyRelu(Variable(Tensor([-2, 3])), alpha: 0.1).data == Tensor([-0.2, 3]))
  }
}

/// Products of stacks of matrices: backprop against central differences, and the variable path.
@Suite struct BatchMatMulTests {
  @Test func gradientsMatchCentralDifferences() {
    let a = Tensor(shape: [2, 3, 2, 4], scalars: (0..<48).map { Foundation.sin(Double($0) * 0.7) })
    let b = Tensor(shape: [2, 3, 4, 3], scalars: (0..<72).map { Foundation.cos(Double($0) * 0.3) })
    let check = gradientCheck(inputs: [a, b]) { BatchMatMul()($0[0], $0[1]) }
    #expect(check.passed, "max abs error \(check.maxAbsoluteError)")
    let (x, y) = (Variable(a), Variable(b))
    let product = BatchMatMul()(x, y)
    #expect(product.shape == [2, 3, 2, 3])
    sum(product * product).backward(createGraph: true)
    let function = BatchMatMul()
    _ = function(Variable(a), Variable(b))
    let expected = function.backward([product.data * 2])
    #expect(zip(x.grad!.scalars, expected[0].scalars).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(zip(y.grad!.scalars, expected[1].scalars).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test func eachMatrixIsItsOwnProduct() throws {
    let a = Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
    let b = Tensor(shape: [2, 2, 1], scalars: [5, 6, 7, 8])
    #expect(BatchMatMul()(Variable(a), Variable(b)).data == Tensor(shape: [2, 1, 1], scalars: [17, 53]))
    #expect(throws: ShapeError.self) { try BatchMatMul().outputShapes(for: [[2, 1, 2], [3, 2, 1]]) }
  }
}

/// The error function: values and backprop against central differences.
@Suite struct ErfTests {
  @Test func erfAndItsGradient() {
    let check = gradientCheck(inputs: [Tensor([-2, -0.5, 0, 0.7, 1.9])]) { erf($0[0]) }
    #expect(check.passed, "max abs error \(check.maxAbsoluteError)")
    #expect(abs(erf(Variable(1)).data.scalar! - 0.8427007929497149) < 1e-15)
  }
}
