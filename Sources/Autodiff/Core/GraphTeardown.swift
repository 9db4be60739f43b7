// Freeing a graph without recursion: `Variable.deinit` takes the graph apart with these, one function
// at a time from an explicit stack, instead of letting each release free the next creator inside it.
extension Function {
  /// Lets go of the inputs, for a variable's `deinit` that is freeing the graph: each input this
  /// function held the last reference to has its creator detached and, when that creator is no
  /// longer referenced elsewhere, added to `pending` to be taken apart in turn.
  final func releaseInputs(into pending: inout TeardownStack) {
    if var input = firstInput.take() {
      Variable.detachCreator(ofLast: &input, into: &pending)
    }
    if var input = secondInput.take() {
      Variable.detachCreator(ofLast: &input, into: &pending)
    }
    guard var later = extras.take()?.laterInputs else { return }
    for position in later.indices { Variable.detachCreator(ofLast: &later[position], into: &pending) }
  }
}

extension Variable {
  /// When `variable` is the last reference to it, detaches its creator so that freeing it frees
  /// nothing further, and adds the creator to `pending` when that was its last reference.
  static func detachCreator(ofLast variable: inout Variable, into pending: inout TeardownStack) {
    guard isKnownUniquelyReferenced(&variable), var creator = variable._creator.take() else { return }
    creator.forgetOutput(variable)
    if isKnownUniquelyReferenced(&creator) { pending.append(consume creator) }
  }
}

/// The functions a teardown still has to take apart: the most recent one inline, so that freeing a
/// chain allocates nothing, and the others in an array.
struct TeardownStack {
  private var top: Function?
  private var rest: [Function] = []

  /// A stack holding `function`.
  init(_ function: Function) {
    top = function
  }

  /// Adds `function` on top.
  mutating func append(_ function: Function) {
    if let previous = top { rest.append(previous) }
    top = function
  }

  /// Removes and returns the top function; `nil` when empty.
  mutating func pop() -> Function? {
    top.take() ?? rest.popLast()
  }
}
