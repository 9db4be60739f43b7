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
    /// The central-difference step used: the check's `eps`, or `eps·|x|` where `x ± eps` left the
    /// domain of a function (`log` of a tiny positive number) and the smaller step did not.
    public var step: Double
    /// The function whose domain `x ± step` still leaves (`log`), so that the numerical value is
    /// not finite; `nil` when it stays inside every function's domain.
    public var leavesDomainOf: String?
    /// The one-sided differences `(f(x) − f(x − step))/step` and `(f(x + step) − f(x))/step` where
    /// the central difference fails and they disagree beyond tolerance (a kink, where `f` is not
    /// differentiable: `max` of ties, `abs` at 0); `nil` elsewhere.
    public var oneSidedSlopes: [Double]? = nil
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

  /// Why `entry` cannot be checked, or `nil` when it can: the central difference leaves a
  /// function's domain while backprop is finite, as `a ± 1e-06 leaves the domain of log` for the
  /// input labelled `a` (the label is the caller's).
  /// Or `f` is not differentiable there (`oneSidedSlopes`) and backprop lies between the two
  /// one-sided slopes, within tolerance (a subgradient, as PyTorch picks one at ties and kinks):
  /// `not differentiable at x[0] (one-sided slopes 0 and 1)`.
  public func notApplicable(_ entry: Entry, label: String) -> String? {
    if let slopes = entry.oneSidedSlopes, let low = slopes.min(), let high = slopes.max() {
      let tolerance = absoluteTolerance + relativeTolerance * max(abs(low), abs(high))
      guard entry.backprop >= low - tolerance && entry.backprop <= high + tolerance else { return nil }
      return "not differentiable at \(label) (one-sided slopes \(slopes[0]) and \(slopes[1]))"
    }
    guard let function = entry.leavesDomainOf, entry.backprop.isFinite, !entry.numerical.isFinite else {
      return nil
    }
    return "\(label) ± \(eps) leaves the domain of \(function)"
  }

  /// Whether every entry is within tolerance or cannot be checked (`notApplicable`).
  public var passed: Bool { entries.allSatisfy { passes($0) || notApplicable($0, label: "") != nil } }

  /// The largest absolute error over all entries.
  public var maxAbsoluteError: Double { entries.map(\.absoluteError).max() ?? 0 }

  /// Compares `grads` (backprop, one per input; `nil` counts as zeros) with the central difference
  /// of `total`, the sum of the outputs as a function of all inputs, for each element of each input,
  /// up to `limit` elements in all. Where the difference is not finite, it tries again with the
  /// step scaled to the element (`eps·|x|`, when that is smaller), and failing that names the
  /// function whose domain the step leaves, as `leftDomain` finds it for the shifted inputs. Where a
  /// finite difference fails, it also takes the one-sided differences, kept when they disagree.
  init(
    inputs: [Tensor], grads: [Tensor?], eps: Double, absoluteTolerance: Double, relativeTolerance: Double,
    limit: Int?, total: ([Tensor]) -> Double, leftDomain: ([Tensor]) -> String?
  ) {
    var entries = [Entry]()
    outer: for (position, input) in inputs.enumerated() {
      for element in 0..<input.count {
        if let limit, entries.count >= limit { break outer }
        let value = input.scalars[element]
        func shifted(_ newValue: Double) -> [Tensor] {
          var shiftedInputs = inputs
          shiftedInputs[position] = input.replacing(elementAt: element, with: newValue)
          return shiftedInputs
        }
        func difference(_ step: Double) -> Double {
          (total(shifted(value + step)) - total(shifted(value - step))) / (2 * step)
        }
        var step = eps
        var numerical = difference(step)
        var leavesDomainOf: String?
        if !numerical.isFinite {
          let scaled = eps * abs(value)
          if scaled > 0 && scaled < eps && value + scaled != value {
            step = scaled
            numerical = difference(step)
          }
          if !numerical.isFinite {
            leavesDomainOf = leftDomain(shifted(value - step)) ?? leftDomain(shifted(value + step))
          }
        }
        let backprop = grads[position]?.scalars[element] ?? 0
        var entry = Entry(
          input: position, index: input.index(ofElement: element), backprop: backprop, numerical: numerical,
          step: step, leavesDomainOf: leavesDomainOf)
        if numerical.isFinite
          && abs(backprop - numerical) > absoluteTolerance + relativeTolerance * abs(numerical)
        {
          let center = total(inputs)
          let slopes = [
            (center - total(shifted(value - step))) / step, (total(shifted(value + step)) - center) / step,
          ]
          let tolerance = absoluteTolerance + relativeTolerance * max(abs(slopes[0]), abs(slopes[1]))
          if abs(slopes[0] - slopes[1]) > tolerance { entry.oneSidedSlopes = slopes.map(Self.rounded) }
        }
        entries.append(entry)
      }
    }
    self.init(
      eps: eps, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, entries: entries)
  }

  /// `slope` rounded to 6 decimal places, so that the rounding of `f(x ± step) − f(x)` does not
  /// show (`0.9999999999` is `1.0`).
  private static func rounded(_ slope: Double) -> Double { (slope * 1e6).rounded() / 1e6 }

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
    relativeTolerance: relativeTolerance, limit: nil,
    total: { build($0.map { Variable($0) }).data.scalars.reduce(0, +) },
    leftDomain: { ComputationGraph(output: build($0.map { Variable($0) })).firstLeavingDomain()?.domainName })
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
    relativeTolerance: relativeTolerance, limit: limit,
    total: { graph.evaluate(replacing: inputs, with: $0)[0].scalars.reduce(0, +) },
    leftDomain: { graph.firstLeavingDomain(replacing: inputs, with: $0)?.domainName })
}
