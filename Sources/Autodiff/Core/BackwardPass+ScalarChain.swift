// A backward pass's steps on scalars: a deferred op's backward on `Double`s, and the chain of such
// steps that `Variable.backward()` runs before it needs a `BackwardPass` at all.
extension BackwardPass {
  /// Runs the start of a pass from `output` over scalars, with no pass state, for as long as one
  /// function at a time is pending: each step a deferred op on scalars whose inputs lead on to at
  /// most one creator (`square(exp(square(x)))`, `2 * x`, `x * x`). The general pass would run
  /// exactly these steps in this order, since with one function pending it runs that one and
  /// schedules only its input's creator. Seeds `output.grad` with 1 when it is `nil` and the output
  /// is a scalar, as `init(from:)` would.
  ///
  /// Returns the variable whose creator the chain stopped at (an object, a tensor, an op whose two
  /// inputs both have creators, or the output itself when it is not a scalar), from which a
  /// `BackwardPass` finishes the job; `nil` when the chain reached the leaves and the pass is done.
  static func runScalarChain(from output: Variable, retainGrad: Bool) -> Variable? {
    if output._grad == nil {
      guard case .scalar = output._data.storage else { return output }
      output._grad = Tensor(1)  // so no gradVariable either
    }
    // Each variable's record holds its inputs, and the caller holds `output`: no retains needed.
    var variable = Unmanaged.passUnretained(output)
    while let next = variable._withUnsafeGuaranteedRef({ runChainStep(of: $0, retainGrad: retainGrad) }) {
      variable = next
    }
    return variable._withUnsafeGuaranteedRef { $0.hasCreator ? $0 : nil }
  }

  /// One step of `runScalarChain`: runs `output`'s creator on scalars and returns the input whose
  /// creator is now the only one pending (or a leaf input, when none is); `nil`, having done
  /// nothing, when that is not possible.
  @inline(__always)
  private static func runChainStep(of output: Variable, retainGrad: Bool) -> Unmanaged<Variable>? {
    guard let creator = output._deferred else { return nil }
    guard let second = creator.second else {
      return runScalarUnary(creator, of: output, retainGrad: retainGrad)
    }
    return runChainBinaryStep(creator, second: second, of: output, retainGrad: retainGrad)
  }

  /// `runChainStep` for a binary op (kept out of line, so the unary steps stay small).
  @inline(never)
  private static func runChainBinaryStep(
    _ creator: DeferredCreator, second: Unmanaged<Variable>, of output: Variable, retainGrad: Bool
  ) -> Unmanaged<Variable>? {
    let first = creator.first
    let firstHasCreator = first._withUnsafeGuaranteedRef(\.hasCreator)
    if first.toOpaque() != second.toOpaque(), firstHasCreator, second._withUnsafeGuaranteedRef(\.hasCreator) {
      return nil  // two creators pending: the general pass orders them
    }
    guard runScalarBinary(creator, second: second, of: output, retainGrad: retainGrad) else { return nil }
    return firstHasCreator ? first : second
  }

  /// When `output`'s creator is a deferred op on scalars and `output`'s gradient is a scalar: runs
  /// its backward on the `Double`s, adds the results to the inputs' gradients in input order, frees
  /// `output`'s unless `retainGrad`, and returns the inputs, whose creators are not scheduled; `nil`,
  /// having done nothing, otherwise.
  static func runScalarStep(
    of output: Variable, retainGrad: Bool
  ) -> (first: Unmanaged<Variable>, second: Unmanaged<Variable>?)? {
    guard let creator = output._deferred else { return nil }
    guard let second = creator.second else {
      return runScalarUnary(creator, of: output, retainGrad: retainGrad).map { ($0, nil) }
    }
    guard runScalarBinary(creator, second: second, of: output, retainGrad: retainGrad) else { return nil }
    return (creator.first, second)
  }

  /// `runScalarStep` for the unary `creator` of `output` (`scalarInputGradient`): the input, or
  /// `nil` when the input or the gradient is not a scalar.
  @inline(__always)
  private static func runScalarUnary(
    _ creator: DeferredCreator, of output: Variable, retainGrad: Bool
  ) -> Unmanaged<Variable>? {
    guard case .scalar(let x) = creator.first._withUnsafeGuaranteedRef(\._data.storage),
      case .scalar(let gy)? = output._grad?.storage,
      let gx = creator.op.scalarInputGradient(x, gy)
    else { return nil }
    creator.first._withUnsafeGuaranteedRef { $0.addGradient(Tensor(gx)) }
    if !retainGrad { output.forgetGrad() }
    return creator.first
  }

  /// `runScalarStep` for the binary `creator` of `output` (`scalarInputGradients`): whether it ran.
  private static func runScalarBinary(
    _ creator: DeferredCreator, second: Unmanaged<Variable>, of output: Variable, retainGrad: Bool
  ) -> Bool {
    guard case .scalar(let a) = creator.first._withUnsafeGuaranteedRef(\._data.storage),
      case .scalar(let b) = second._withUnsafeGuaranteedRef(\._data.storage),
      case .scalar(let gy)? = output._grad?.storage,
      let (ga, gb) = creator.op.scalarInputGradients(a, b, gy)
    else { return false }
    creator.first._withUnsafeGuaranteedRef { $0.addGradient(Tensor(ga)) }
    second._withUnsafeGuaranteedRef { $0.addGradient(Tensor(gb)) }
    if !retainGrad { output.forgetGrad() }
    return true
  }
}

extension Variable {
  /// Adds `gradient` to `grad` (or sets it when `nil`), as a backward step does. A gradient
  /// variable from an earlier pass no longer matches `grad`, so it is forgotten (there is none
  /// while `grad` is `nil`).
  @inline(__always)
  func addGradient(_ gradient: Tensor) {
    if let previous = _grad {
      _grad = previous + gradient
      forgetGradVariable()
    } else {
      _grad = gradient
    }
  }

  /// Frees the gradient once a backward step has used it (`retainGrad: false`).
  @inline(__always)
  func forgetGrad() {
    _grad = nil
    forgetGradVariable()
  }
}
