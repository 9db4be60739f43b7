/// The gradient of `y` with respect to `x` (a leaf or a variable computed on the way to `y`), as a
/// variable: ∂y/∂x summed over y's elements (y's gradient is seeded with ones), of x's shape. So
/// `grad(grad(y, x, createGraph: true), x)` is the second derivative, as DeZero's step 33 computes it.
///
/// Clears the gradients of `x`, of `y` and of every variable between them that has a creator (an
/// intermediate gradient left by an earlier pass with `retainGrad: true` would otherwise be added
/// in), then runs `y.backward(retainGrad:createGraph:)`, retaining the gradients only when `x` is
/// computed (the variables between keep theirs then). With `createGraph: true` the
/// result is `x.gradVariable`, whose creator records how it was computed; otherwise a leaf holding
/// `x.grad`. When `y` does not depend on `x` the result is a leaf of zeros. As with any backward
/// pass, the other leaves the pass reaches add to their gradients too.
///
/// ```swift
/// let x = Variable(2.0)
/// let y = pow(x, 4) - 2 * square(x)
/// let dy = grad(y, x, createGraph: true)   // 24: 4x³ − 4x
/// let d2y = grad(dy, x)                    // 44: 12x² − 4
/// ```
public func grad(_ y: Variable, _ x: Variable, createGraph: Bool = false) -> Variable {
  x.cleargrad()
  clearIntermediateGrads(from: y)
  // A computed x keeps its gradient only if the pass retains the gradients it passes through.
  let computed = x.hasCreator
  y.backward(retainGrad: computed, createGraph: createGraph)
  if let gradient = x.gradVariable { return gradient }
  return Variable(x.grad ?? Tensor(repeating: 0, shape: x.shape))
}

/// Clears the gradient of `y` and of every variable with a creator that `y`'s graph reaches,
/// walking the graph iteratively (without making the function objects of deferred creators).
private func clearIntermediateGrads(from y: Variable) {
  y.cleargrad()
  var visited = Set<ObjectIdentifier>()
  var stack = [y]
  while let variable = stack.popLast() {
    guard visited.insert(ObjectIdentifier(variable)).inserted else { continue }
    let inputs: [Variable]
    if let creator = variable._creator {
      inputs = creator.inputs
    } else if let deferred = variable._deferred {
      inputs =
        [deferred.first.takeUnretainedValue()] + [deferred.second?.takeUnretainedValue()].compactMap { $0 }
    } else {
      continue
    }
    variable.cleargrad()
    stack += inputs
  }
}
