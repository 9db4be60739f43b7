/// The result of comparing backprop with central differences, element by element, for every input.
public struct GradientCheck: Sendable {
  /// One element of one input.
  public struct Entry: Equatable, Sendable {
    /// Which input (argument position).
    public var input: Int
    /// The element's multi-index within that input (empty for a scalar).
    public var index: [Int]
    /// ∂(sum of outputs)/∂element by backprop.
    public var backprop: Double
    /// The same by central difference.
    public var numerical: Double
    /// `|backprop − numerical|`.
    public var absoluteError: Double { abs(backprop - numerical) }
    /// `absoluteError / max(|backprop|, |numerical|)`, 0 when both are 0.
    public var relativeError: Double {
      let scale = max(abs(backprop), abs(numerical))
      return scale == 0 ? 0 : absoluteError / scale
    }
  }

  /// The central-difference step.
  public var eps: Double
  /// The absolute tolerance.
  public var absoluteTolerance: Double
  /// The relative tolerance.
  public var relativeTolerance: Double
  /// The elements checked, input by input, in row-major order.
  public var entries: [Entry]

  /// Whether `entry` is within tolerance (`abs ≤ atol + rtol·|numerical|`, as NumPy's `allclose`).
  public func passes(_ entry: Entry) -> Bool {
    entry.absoluteError <= absoluteTolerance + relativeTolerance * abs(entry.numerical)
  }

  /// Whether every entry is within tolerance.
  public var passed: Bool { entries.allSatisfy(passes) }

  /// The largest absolute error over all entries.
  public var maxAbsoluteError: Double { entries.map(\.absoluteError).max() ?? 0 }

  /// Compares `grads` (backprop, one per input; `nil` counts as zeros) with the central difference
  /// of `total`, the sum of the outputs as a function of all inputs, for each element of each input,
  /// up to `limit` elements in all.
  init(
    inputs: [Tensor], grads: [Tensor?], eps: Double, absoluteTolerance: Double, relativeTolerance: Double,
    limit: Int?, total: ([Tensor]) -> Double
  ) {
    var entries = [Entry]()
    outer: for (position, input) in inputs.enumerated() {
      for element in 0..<input.count {
        if let limit, entries.count >= limit { break outer }
        let value = input.scalars[element]
        func shifted(_ newValue: Double) -> Double {
          var shiftedInputs = inputs
          shiftedInputs[position] = input.replacing(elementAt: element, with: newValue)
          return total(shiftedInputs)
        }
        let numerical = (shifted(value + eps) - shifted(value - eps)) / (2 * eps)
        let backprop = grads[position]?.scalars[element] ?? 0
        entries.append(
          Entry(
            input: position, index: input.index(ofElement: element), backprop: backprop, numerical: numerical)
        )
      }
    }
    self.init(
      eps: eps, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, entries: entries)
  }

  private init(eps: Double, absoluteTolerance: Double, relativeTolerance: Double, entries: [Entry]) {
    self.eps = eps
    self.absoluteTolerance = absoluteTolerance
    self.relativeTolerance = relativeTolerance
    self.entries = entries
  }
}

/// Checks backprop against the numerical gradient for a function of several tensor inputs.
///
/// `build` is called with fresh leaf variables holding `inputs` and returns the output; a
/// non-scalar output is treated as the sum of its elements (its grad is seeded with ones). For each
/// element of each input, the central difference `(f(x + eps) − f(x − eps)) / (2·eps)` of that one
/// element is compared with the backprop gradient.
public func gradientCheck(
  inputs: [Tensor], eps: Double = 1e-6, absoluteTolerance: Double = 1e-6, relativeTolerance: Double = 1e-5,
  _ build: ([Variable]) -> Variable
) -> GradientCheck {
  let leaves = inputs.map { Variable($0) }
  build(leaves).backward()
  return GradientCheck(
    inputs: inputs, grads: leaves.map(\.grad), eps: eps, absoluteTolerance: absoluteTolerance,
    relativeTolerance: relativeTolerance, limit: nil
  ) { build($0.map { Variable($0) }).data.scalars.reduce(0, +) }
}

/// Checks the gradients a backward pass left in `inputs` against central differences of the graph
/// that produced `output`, replaying its functions' `forward` with one input element shifted at a time
/// (the graph itself is not changed). Checks at most `limit` elements in all.
public func gradientCheck(
  of output: Variable, inputs: [Variable], eps: Double = 1e-6, absoluteTolerance: Double = 1e-6,
  relativeTolerance: Double = 1e-5, limit: Int? = nil
) -> GradientCheck {
  let graph = ComputationGraph(output: output)
  return GradientCheck(
    inputs: inputs.map(\.data), grads: inputs.map(\.grad), eps: eps, absoluteTolerance: absoluteTolerance,
    relativeTolerance: relativeTolerance, limit: limit
  ) { values in
    graph.evaluate(replacing: inputs, with: values)[0].scalars.reduce(0, +)
  }
}
