// Freeing a graph without recursion: `Variable.deinit` takes the graph apart one variable at a time
// from an explicit stack, instead of letting each release free the next creator inside it.
extension Variable {
  /// Lets go of this variable's creator, for a `deinit` that is freeing the graph: the creator forgets
  /// this output, and when nothing else holds the creator, each input that only the creator held is
  /// taken out and added to `pending`, to be taken apart in turn before it is freed.
  final func releaseCreator(into pending: inout TeardownStack) {
    if var creator = _creator.take() {
      creator.forgetOutput(self)
      if isKnownUniquelyReferenced(&creator) { creator.releaseInputs(into: &pending) }
    } else if let deferred = _deferred.take() {
      // One input at a time: `x * x` holds x twice, and x is the last reference only once the
      // other is gone (freeing it here instead would recurse into its own graph).
      Variable.keep(deferred.takeFirst(), ifLastIn: &pending)
      if let second = deferred.takeSecond() { Variable.keep(second, ifLastIn: &pending) }
    }
  }

  /// Adds `variable` to `pending` when `variable` is the last reference to it (so that freeing it
  /// later, from the stack, frees nothing further); otherwise just lets it go.
  /// Takes `variable` over, so that pushing it moves the reference instead of copying it.
  static func keep(_ variable: consuming Variable, ifLastIn pending: inout TeardownStack) {
    if isKnownUniquelyReferenced(&variable), variable.hasCreator {
      pending.append(variable)
    }
  }
}

extension Function {
  /// Lets go of the inputs, for a teardown: each input this function held the last reference to is
  /// added to `pending`.
  final func releaseInputs(into pending: inout TeardownStack) {
    if let input = firstInput.take() { Variable.keep(input, ifLastIn: &pending) }
    if let input = secondInput.take() { Variable.keep(input, ifLastIn: &pending) }
    guard var later = extras.take()?.laterInputs else { return }
    // One at a time, as for a deferred record: an input may appear more than once.
    while let input = later.popLast() { Variable.keep(input, ifLastIn: &pending) }
  }
}

/// The variables a teardown still has to take apart: the most recent one inline, so that freeing a
/// chain allocates nothing, and the others in an array.
struct TeardownStack {
  private var top: Variable?
  private var rest: [Variable] = []

  /// Adds `variable` on top.
  mutating func append(_ variable: consuming Variable) {
    if let previous = top.take() { rest.append(previous) }
    top = variable
  }

  /// Removes and returns the top variable; `nil` when empty.
  mutating func pop() -> Variable? {
    top.take() ?? rest.popLast()
  }
}
