import Autodiff

/// The ops real models need (issue 18), as `OpCase`s: `OpGradientTests` checks their gradients and
/// `OpSecondOrderTests` their second derivatives on random shapes. Ops whose output sum is constant
/// or whose axis needs rank 1 see a weighted output or a rank-1 view of a scalar.
extension OpCase {
  static let modelOps: [OpCase] = [
    OpCase(description: "Mean all") { mean($0[0]) },
    OpCase(description: "Mean axis 0 keepDims") { v in
      let x = atLeastRank1(v[0]); return weighted(mean(x, axes: [0], keepDims: true))
    },
    OpCase(description: "Max all", offset: -1.15) { amax($0[0]) },
    OpCase(description: "Max axis -1") { v in weighted(amax(atLeastRank1(v[0]), axes: [-1])) },
    OpCase(description: "Min axis 0 keepDims", offset: -1.15) { v in
      weighted(amin(atLeastRank1(v[0]), axes: [0], keepDims: true))
    },
    OpCase(description: "Abs", offset: -1.15) { v in weighted(absolute(v[0])) },
    OpCase(description: "Clip", offset: -1.15) { v in weighted(clip(v[0], -0.5, 0.5)) },
    OpCase(description: "Maximum", second: .broadcastable, offset: -1.15) { v in weighted(maximum(v[0], v[1]))
    },
    OpCase(description: "Minimum", second: .broadcastable, offset: -1.15) { v in weighted(minimum(v[0], v[1]))
    },
    OpCase(description: "Where", second: .broadcastable, offset: -1.15) { v in
      weighted(select(pattern(v[0].shape), v[0], v[1]))
    },
    OpCase(description: "Where condition broadcast, first input a scalar", offset: -1.15) { v in
      let x = atLeastRank1(v[0])
      return weighted(select(pattern([x.shape.last!]), Variable(Tensor(-10), name: "fill"), x))
    },
    OpCase(description: "Pow variable exponent", second: .broadcastable) { v in weighted(pow(v[0], v[1])) },
    OpCase(description: "Softmax", offset: -1.15) { v in weighted(softmax(atLeastRank1(v[0]), axis: -1)) },
    OpCase(description: "LogSoftmax axis 0", offset: -1.15) { v in
      weighted(logSoftmax(atLeastRank1(v[0]), axis: 0))
    },
    OpCase(description: "LogSumExp axis 0") { v in weighted(logSumExp(atLeastRank1(v[0]), axes: [0])) },
    OpCase(description: "LogSumExp all keepDims", offset: -1.15) { logSumExp($0[0], keepDims: true) },
    OpCase(description: "GetItem reversed, step -2", offset: -1.15) { v in
      weighted(getItem(atLeastRank1(v[0]), [.slice(start: nil, stop: nil, step: -2)]))
    },
    OpCase(description: "GetItem repeated positions", offset: -1.15) { v in
      let x = atLeastRank1(v[0])
      return weighted(getItem(x, Array(repeating: .all, count: x.shape.count - 1) + [.indices([0, -1, 0])]))
    },
    OpCase(description: "GetItem paired lists", offset: -1.15) { v in
      let x = atLeastRank1(v[0])
      let last = x.shape.count - 1
      return weighted(
        getItem(
          x,
          Array(repeating: .indices([0, -1, 0]), count: min(2, x.shape.count))
            + Array(repeating: .all, count: max(0, last - 1))))
    },
    OpCase(description: "GetItem index", offset: -1.15) { v in
      weighted(getItem(atLeastRank1(v[0]), [.index(-1)]))
    },
    OpCase(description: "MatMul a @ bᵀ", second: .matmulPartner, offset: -1.15) { v in
      let b = v[1].shape.count == 1 ? reshape(v[1], [v[1].shape[0], 1]) : v[1]
      return weighted(matmul(v[0], transposing: transpose(b)))
    },
    OpCase(description: "Concat", offset: -1.15) { v in
      let x = atLeastRank1(v[0]); return weighted(concat([x, square(x), x], axis: -1))
    },
  ]

  /// `x` itself, or reshaped to `(1,)` when it is a scalar.
  static func atLeastRank1(_ x: Variable) -> Variable { x.shape.isEmpty ? reshape(x, [1]) : x }

  /// A fixed condition of `shape`: true at every third element.
  static func pattern(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, scalars: (0..<Tensor.elementCount(of: shape)).map { $0 % 3 == 0 ? 1 : 0 })
  }

  /// `y` times fixed, distinct weights, so that summing it depends on every element differently.
  static func weighted(_ y: Variable) -> Variable {
    let weights = (0..<y.data.count).map { Double($0 % 7) - 2.5 }
    return y * Variable(Tensor(shape: y.shape, scalars: weights))
  }
}
