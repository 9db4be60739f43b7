import Autodiff

/// Why an input cannot take a typed value.
public struct EditError: Error, Equatable, CustomStringConvertible {
  /// One line for the status bar.
  public var description: String
}

extension Session {
  /// The same graph with input `variable` holding the value `text` writes (a number, or a nested
  /// list of the input's shape), every function's output computed again, a fresh backward pass
  /// and gradient check, and the cursor at the same step.
  ///
  /// The graph's variables are updated in place (their data, and their grads by the new backward
  /// pass); this session keeps the values it recorded, so it still shows the old timeline.
  ///
  /// - Throws: ``EditError`` when `variable` is not an input, the text is not a value, or the
  ///   value's shape differs from the input's.
  public func editing(_ variable: Int, to text: String) throws(EditError) -> Session {
    try checkEditable(variable)
    let node = graph.variables[variable]
    let value: Tensor
    do {
      value = try TensorLiteral.parse(text)
    } catch {
      throw EditError(description: "column \(error.column): \(error.message)")
    }
    guard value.shape == node.variable.shape else {
      throw EditError(
        description: "\(node.label) has shape \(formatShape(node.variable.shape)); "
          + "\(text) has shape \(formatShape(value.shape))")
    }
    return replaying(variable, with: value)
  }

  /// Throws the reason `variable` cannot be edited: it is computed by a function.
  public func checkEditable(_ variable: Int) throws(EditError) {
    let node = graph.variables[variable]
    guard node.isLeaf else {
      throw EditError(
        description:
          "\(node.label) is computed by \(graph.functions[node.creator!].label): only inputs can be edited")
    }
  }

  /// The same graph with input `variable` (a scalar) changed by `delta`, as ``editing(_:to:)``.
  /// The sum is rounded to 15 significant digits, so that nudging 0.7 by 0.1 gives 0.8, not
  /// 0.7999999999999999, unless rounding would pass the largest double (the step is at most 1e6,
  /// so the sum itself stays finite).
  ///
  /// - Throws: ``EditError`` when `variable` is not a scalar input.
  public func nudging(_ variable: Int, by delta: Double) throws(EditError) -> Session {
    let node = graph.variables[variable]
    guard node.isLeaf, node.variable.shape.isEmpty, let current = data(of: variable)?.scalar else {
      throw EditError(description: "only a scalar input can be nudged; press e to type a value")
    }
    let sum = current + delta
    let rounded = Double(sum.printed("%.15g")) ?? sum
    return replaying(variable, with: Tensor(rounded.isFinite ? rounded : sum))
  }

  /// The variables whose data or grad at the cursor differ between this session and `other`, a
  /// session of the same graph.
  public func changedVariables(since other: Session) -> Set<Int> {
    Set(
      graph.variables.indices.filter { index in
        data(of: index) != other.data(of: index) || grad(of: index) != other.grad(of: index)
      })
  }

  private func replaying(_ variable: Int, with value: Tensor) -> Session {
    graph.variables[variable].variable.data = value
    graph.replayForward()
    return rebuilt()
  }

  /// A fresh timeline of the graph's variables as they are now (their forward pass replayed), with
  /// the cursor at the same step and the next edition number.
  func rebuilt() -> Session {
    var session = Session(
      output: graph.variables[graph.output].variable, functionOrder: graph.functions.map(\.function),
      inputs: checkedInputs.map { graph.variables[$0].variable }, actions: actions,
      derivations: graph.derivations, origins: graph.origins,
      constantsTakeNoGradient: !graph.gradientFree.isEmpty)
    session.move(to: cursor)
    session.edition = edition + 1
    return session
  }
}
