import Autodiff
import PropertyBased
import Testing

/// One op under test: how to build it from its inputs, and how to shape its second input.
struct OpCase: Sendable, CustomStringConvertible {
  enum SecondInput: Sendable { case none, broadcastable, matmulPartner }

  var description: String
  var second: SecondInput = .none
  /// Shifts the random values (in 0.3…2) so the op sees both signs where it should.
  var offset = 0.0
  var build: @Sendable ([Variable]) -> Variable

  static let all: [OpCase] =
    [
      OpCase(description: "Square") { square($0[0]) },
      OpCase(description: "Exp") { exp($0[0]) },
      OpCase(description: "Neg", offset: -1.15) { neg($0[0]) },
      OpCase(description: "Pow 3", offset: -1.15) { pow($0[0], 3) },
      OpCase(description: "Pow -0.5") { pow($0[0], -0.5) },
      OpCase(description: "Sin", offset: -1.15) { sin($0[0]) },
      OpCase(description: "Cos", offset: -1.15) { cos($0[0]) },
      OpCase(description: "Tanh", offset: -1.15) { tanh($0[0]) },
      OpCase(description: "Log") { log($0[0]) },
      OpCase(description: "Sqrt") { sqrt($0[0]) },
      OpCase(description: "Sigmoid", offset: -1.15) { sigmoid($0[0]) },
      OpCase(description: "ReLU", offset: -1.15) { relu($0[0]) },
      OpCase(description: "Add", second: .broadcastable, offset: -1.15) { $0[0] + $0[1] },
      OpCase(description: "Sub", second: .broadcastable, offset: -1.15) { $0[0] - $0[1] },
      OpCase(description: "Mul", second: .broadcastable, offset: -1.15) { $0[0] * $0[1] },
      OpCase(description: "Div", second: .broadcastable) { $0[0] / $0[1] },
      OpCase(description: "Sum all") { sum($0[0]) },
      OpCase(description: "Sum axis 0 keepDims") { v in
        let x = v[0]; return sum(x, axes: x.shape.isEmpty ? [] : [0], keepDims: true)
      },
      OpCase(description: "SumTo") { v in
        let x = v[0]; return sumTo(x, x.shape.map { _ in 1 })
      },
      OpCase(description: "BroadcastTo") { v in
        let x = v[0];
        return broadcastTo(x, [2] + x.shape) * Variable(Tensor(repeating: 1.5, shape: [2] + x.shape))
      },
      OpCase(description: "Reshape") { v in
        let x = v[0]; return reshape(x, [-1]) * Variable(Tensor((0..<x.data.count).map { Double($0) + 1 }))
      },
      OpCase(description: "Transpose") { v in
        let x = v[0];
        return transpose(x)
          * Variable(Tensor(shape: x.shape.reversed(), scalars: (0..<x.data.count).map { Double($0) - 2 }))
      },
      OpCase(description: "MatMul", second: .matmulPartner, offset: -1.15) { matmul($0[0], $0[1]) },
    ] + modelOps
}

@Suite struct OpGradientTests {
  /// Each op's backprop gradient agrees with the per-element central difference on random shapes
  /// (rank 0 to 3) and values, the second operand of binary ops broadcast in random ways.
  @Test(arguments: OpCase.all)
  func gradientMatchesNumericalGradient(_ op: OpCase) async {
    await propertyCheck(
      count: 40, input: Gen.int(in: 1...3).array(of: 0...3), Gen.int(in: 0...31),
      Gen.double(in: 0.3...2.0).array(of: 54)
    ) { dims, mask, values in
      var shape = dims
      if op.second == .matmulPartner { shape = Array((dims + [2, 3]).prefix(2)) }
      let first = tensor(shape, values, offset: op.offset)
      var inputs = [first]
      switch op.second {
      case .none: break
      case .broadcastable:
        inputs.append(
          tensor(broadcastPartner(of: shape, mask: mask), Array(values.reversed()), offset: op.offset))
      case .matmulPartner:
        let partner = mask % 2 == 0 ? [shape[1]] : [shape[1], 1 + mask % 3]
        inputs.append(tensor(partner, Array(values.reversed()), offset: op.offset))
      }
      let check = gradientCheck(inputs: inputs, op.build)
      #expect(check.passed, "\(op) on \(inputs.map(\.shape)): max abs error \(check.maxAbsoluteError)")
      #expect(check.entries.count == inputs.map(\.count).reduce(0, +))
    }
  }

  /// A broken gradient is caught: the check is not vacuous.
  @Test func aWrongGradientFailsTheCheck() {
    final class WrongSquare: ElementwiseFunction {
      override func apply(_ x: Tensor) -> Tensor { x.map { $0 * $0 } }
      override func localDerivative(_ x: Tensor) -> [Tensor] { [Tensor(3), x] }
    }
    let check = gradientCheck(inputs: [Tensor([0.5, 1.5])]) { WrongSquare()($0[0]) }
    #expect(!check.passed)
    #expect(abs(check.entries[0].backprop - 1.5) < 1e-15)
    #expect(abs(check.entries[0].numerical - 1.0) < 1e-8)
  }

  private func tensor(_ shape: [Int], _ values: [Double], offset: Double) -> Tensor {
    let count = Tensor.elementCount(of: shape)
    return Tensor(shape: shape, scalars: (0..<count).map { values[$0 % values.count] + offset })
  }

  /// A shape that broadcasts with `shape`: some axes set to 1, some leading axes dropped.
  private func broadcastPartner(of shape: [Int], mask: Int) -> [Int] {
    let ones = shape.indices.map { mask >> $0 & 1 == 1 ? 1 : shape[$0] }
    return Array(ones.dropFirst(min(mask >> 3, ones.count)))
  }
}
