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
  /// Every element of every input, input by input, in row-major order.
  public var entries: [Entry]

  /// Whether `entry` is within tolerance (`abs ≤ atol + rtol·|numerical|`, as NumPy's `allclose`).
  public func passes(_ entry: Entry) -> Bool {
    entry.absoluteError <= absoluteTolerance + relativeTolerance * abs(entry.numerical)
  }

  /// Whether every entry is within tolerance.
  public var passed: Bool { entries.allSatisfy(passes) }

  /// The largest absolute error over all entries.
  public var maxAbsoluteError: Double { entries.map(\.absoluteError).max() ?? 0 }
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
  var entries = [GradientCheck.Entry]()
  for (position, input) in inputs.enumerated() {
    let grad = leaves[position].grad ?? Tensor.zeros(like: input)
    for element in 0..<input.count {
      let value = input.scalars[element]
      func total(_ shifted: Double) -> Double {
        var shiftedInputs = inputs
        shiftedInputs[position] = input.replacing(elementAt: element, with: shifted)
        return build(shiftedInputs.map { Variable($0) }).data.scalars.reduce(0, +)
      }
      let numerical = (total(value + eps) - total(value - eps)) / (2 * eps)
      entries.append(
        .init(
          input: position, index: input.index(ofElement: element), backprop: grad.scalars[element],
          numerical: numerical))
    }
  }
  return GradientCheck(
    eps: eps, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, entries: entries)
}
