// A backward pass's steps on unary ops over scalars: the op's derivative on two `Double`s, and the
// chain of such steps `Variable.backward()` runs before it needs a `BackwardPass` at all.
extension BackwardPass {
  /// Runs the start of a pass from `output` that is a chain of scalars (each step a deferred unary
  /// op on a scalar, as in `square(exp(square(x)))`), with no pass state: while one function is
  /// pending, the general pass runs it and schedules only its input's creator, so walking the
  /// chain does the same steps in the same order. Seeds `output.grad` with 1 when it is `nil` and
  /// the output is a scalar, as `init(from:)` would.
  ///
  /// Returns the variable whose creator the chain stopped at (an object, a binary op, a tensor, or
  /// the output itself when it is not a scalar), from which a `BackwardPass` finishes the job;
  /// `nil` when the chain reached a leaf and the pass is done.
  static func runScalarChain(from output: Variable, retainGrad: Bool) -> Variable? {
    if output._grad == nil {
      guard case .scalar = output._data.storage else { return output }
      output._grad = Tensor(1)  // so no gradVariable either
    }
    // Each variable's record holds its input, and the caller holds `output`: no retains needed.
    var variable = Unmanaged.passUnretained(output)
    while let input = variable._withUnsafeGuaranteedRef({ runScalarUnary(of: $0, retainGrad: retainGrad) }) {
      variable = input
    }
    return variable._withUnsafeGuaranteedRef { $0._creator == nil && $0._deferred == nil ? nil : $0 }
  }

  /// When `output`'s creator is a deferred unary op on a scalar and `output`'s gradient is a scalar:
  /// runs its backward on the two `Double`s (`scalarInputGradient`), adds the result to the input's
  /// gradient, frees `output`'s unless `retainGrad`, and returns the input, whose creator is not
  /// scheduled; `nil`, having done nothing, otherwise.
  @inline(__always)
  static func runScalarUnary(of output: Variable, retainGrad: Bool) -> Unmanaged<Variable>? {
    guard let creator = output._deferred, creator.second == nil,
      case .scalar(let x) = creator.first._withUnsafeGuaranteedRef(\._data.storage),
      case .scalar(let gy)? = output._grad?.storage,
      let gx = creator.op.scalarInputGradient(x, gy)
    else { return nil }
    creator.first._withUnsafeGuaranteedRef { $0.addGradient(Tensor(gx)) }
    if !retainGrad {
      output._grad = nil
      output.forgetGradVariable()
    }
    return creator.first
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
}
