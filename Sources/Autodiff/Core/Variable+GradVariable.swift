// Gradients as variables, kept by a backward pass with `createGraph: true`.
//
// A recorded gradient's graph usually holds the variable it is the gradient of (for y = x², x's
// gradient is 2·x·gy, which holds x), so a variable cannot hold its gradient variable strongly
// without a reference cycle. Instead the variable a pass starts from owns every gradient variable
// the pass leaves behind (`VariableExtras.owned`), and each variable refers to its own gradient
// variable weakly (`VariableExtras.gradient`). Nothing upstream refers to the pass's output, so the
// backward graph is freed with that output, or later while someone else holds a gradient variable.
//
// Invariant: a variable whose `grad` is `nil` has no gradient variable either (every write of `nil`
// forgets it), so code that sets a `nil` gradient need not forget one.
extension Variable {
  /// The gradient as a variable, when the backward pass that computed it kept its graph
  /// (`backward(createGraph: true)`): its `data` is `grad`, and its creator is the last function of
  /// the backward graph, so it can be differentiated again (`gradVariable!.backward()`).
  ///
  /// `nil` when there is no gradient or the last pass that changed it kept no graph. The variable
  /// the pass started from owns the backward graph: once that output and every other holder of a
  /// gradient variable are gone, this reads `nil` again while `grad` keeps the value.
  public var gradVariable: Variable? { _extras?.gradient }

  /// Sets the gradient to `gradient` (both `grad` and `gradVariable`), owned by `owner`.
  func setGradVariable(_ gradient: Variable, ownedBy owner: Variable) {
    _grad = gradient._data
    extras().gradient = gradient
    owner.extras().owned[ObjectIdentifier(self)] = gradient
  }

  /// Puts back a gradient read earlier from `grad` and `gradVariable`, for code that borrows a
  /// caller's graph and must give it back as it found it. The pass that made `gradient` still owns
  /// it, so this only refers to it again, weakly, as that pass left it.
  package func restoreGradient(_ grad: Tensor?, variable gradient: Variable?) {
    _grad = grad
    if let gradient {
      extras().gradient = gradient
    } else {
      forgetGradVariable()
    }
  }

  /// Forgets `gradVariable` (when `grad` changes without it).
  @inline(__always)
  func forgetGradVariable() {
    if let extras = _extras { extras.gradient = nil }
  }
}
