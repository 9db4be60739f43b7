/// Where a backward pass with `createGraph: true` keeps gradients as variables.
///
/// Such a gradient's graph usually holds the variable it is the gradient of (for y = x², x's
/// gradient is 2·x·gy, which holds x), so a variable cannot hold its gradient variable strongly
/// without a reference cycle. Instead the variable a pass starts from owns every gradient variable
/// the pass leaves behind, and each variable refers to its own gradient variable weakly. Nothing
/// upstream refers to the pass's output, so the backward graph is freed with that output (or later,
/// while someone else holds a gradient variable).
final class GradientLinks {
  /// This variable's gradient as a variable; weak (the pass's output owns it).
  weak var gradient: Variable?
  /// The gradient variables kept by passes started from this variable, by the variable each is the
  /// gradient of.
  var owned: [ObjectIdentifier: Variable] = [:]
}

extension Variable {
  /// The gradient as a variable, when the backward pass that computed it kept its graph
  /// (`backward(createGraph: true)`): its `data` is `grad`, and its creator is the last function of
  /// the backward graph, so it can be differentiated again (`gradVariable!.backward()`).
  ///
  /// `nil` when there is no gradient or the last pass that changed it kept no graph. The variable
  /// the pass started from owns the backward graph: once that output and every other holder of a
  /// gradient variable are gone, this reads `nil` again while `grad` keeps the value.
  public var gradVariable: Variable? { _links?.gradient }

  /// This variable's links, made on first use.
  func links() -> GradientLinks {
    if let links = _links { return links }
    let links = GradientLinks()
    _links = links
    return links
  }

  /// Sets the gradient to `gradient` (both `grad` and `gradVariable`), owned by `owner`.
  func setGradVariable(_ gradient: Variable, ownedBy owner: Variable) {
    _grad = gradient._data
    links().gradient = gradient
    owner.links().owned[ObjectIdentifier(self)] = gradient
  }

  /// Forgets `gradVariable` (when `grad` changes without it).
  @inline(__always)
  func forgetGradVariable() {
    if let links = _links { links.gradient = nil }
  }
}
