import Autodiff
import PropertyBased
import Testing

/// Every op's backward on variables (used with `createGraph: true`) against its backward on
/// tensors, and differentiated once more against central differences.
@Suite struct OpSecondOrderTests {
  /// The gradients a recording pass leaves are exactly those of the fast path, for random shapes
  /// and values; and a weighted sum of them, differentiated again by a plain pass, agrees with the
  /// central differences of that sum (a Hessian-vector product, checked element by element).
  @Test(arguments: OpCase.all)
  func secondDerivativesMatchNumericalOnes(_ op: OpCase) async {
    await propertyCheck(
      count: 15, input: Gen.int(in: 1...3).array(of: 0...3), Gen.int(in: 0...31),
      Gen.double(in: 0.3...2.0).array(of: 54)
    ) { dims, mask, values in
      let inputs = OpSampling.inputs(for: op, dims: dims, mask: mask, values: values)
      let plain = inputs.map { Variable($0) }
      sum(op.build(plain)).backward()
      let recorded = inputs.map { Variable($0) }
      let output = sum(op.build(recorded))  // owns the gradient variables while it lives
      output.backward(createGraph: true)
      for (p, r) in zip(plain, recorded) {
        #expect(p.grad == r.grad, "\(op) on \(inputs.map(\.shape))")
        #expect(r.gradVariable?.data == r.grad)
      }
      let check = gradientCheck(inputs: inputs) { leaves in weightedGradientSum(op, leaves) }
      #expect(check.passed, "\(op) on \(inputs.map(\.shape)): max abs error \(check.maxAbsoluteError)")
    }
  }

  /// Σᵢ sum(wᵢ·∂sum(op)/∂inputᵢ) for fixed weights wᵢ, as a variable whose graph is the recorded
  /// backward pass; the leaves' gradients are cleared so that only the next pass's remain.
  private func weightedGradientSum(_ op: OpCase, _ leaves: [Variable]) -> Variable {
    let y = sum(op.build(leaves))
    y.backward(retainGrad: false, createGraph: true)
    let gradients = leaves.map { $0.gradVariable ?? Variable(Tensor(repeating: 0, shape: $0.shape)) }
    leaves.forEach { $0.cleargrad() }
    var total = Variable(0.0)
    for gradient in gradients {
      let scalars = (0..<gradient.data.count).map { (k: Int) -> Double in
        let sign: Double = k % 2 == 0 ? 1 : -1
        return sign * Double(k % 5 + 1) / 3
      }
      let weights = Tensor(shape: gradient.shape, scalars: scalars)
      total = total + sum(gradient * Variable(weights))
    }
    return total
  }
}

/// Random inputs for an `OpCase`, as `OpGradientTests` draws them.
enum OpSampling {
  static func inputs(for op: OpCase, dims: [Int], mask: Int, values: [Double]) -> [Tensor] {
    var shape = dims
    if op.second == .matmulPartner { shape = Array((dims + [2, 3]).prefix(2)) }
    var inputs = [tensor(shape, values, offset: op.offset)]
    switch op.second {
    case .none: break
    case .broadcastable:
      let ones = shape.indices.map { mask >> $0 & 1 == 1 ? 1 : shape[$0] }
      let partner = Array(ones.dropFirst(min(mask >> 3, ones.count)))
      inputs.append(tensor(partner, Array(values.reversed()), offset: op.offset))
    case .matmulPartner:
      let partner = mask % 2 == 0 ? [shape[1]] : [shape[1], 1 + mask % 3]
      inputs.append(tensor(partner, Array(values.reversed()), offset: op.offset))
    }
    return inputs
  }

  private static func tensor(_ shape: [Int], _ values: [Double], offset: Double) -> Tensor {
    let count = Tensor.elementCount(of: shape)
    return Tensor(shape: shape, scalars: (0..<count).map { values[$0 % values.count] + offset })
  }
}
