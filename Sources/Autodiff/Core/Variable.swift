/// A box for a value in a computation graph, as the seed's `Variable`: its `data`, the `grad` a
/// backward pass leaves in it, and the `creator` function that produced it.
///
/// The stored properties are internal and the public ones forward to them: the optimiser can then
/// prove that no access to them overlaps another and drop the runtime exclusivity checks, which it
/// cannot do for a property other modules may touch directly.
public final class Variable {
  /// Storage for `data`.
  var _data: Tensor
  /// Storage for `grad`.
  var _grad: Tensor?
  /// Storage for `creator` once it is an object.
  var _creator: Function?
  /// The creator while it is still a record (see `DeferredCreator`); never set together with `_creator`.
  var _deferred: DeferredCreator?
  /// How far this variable is from the inputs: 0 for a leaf, the creator's generation plus 1 otherwise.
  public let generation: Int
  /// The last backward pass that scheduled the deferred creator (see `BackwardPass`).
  var scheduledBy = 0
  /// The name, and the links of a pass with `createGraph: true`; `nil` for most variables (see
  /// `VariableExtras`).
  var _extras: VariableExtras?

  /// A leaf variable holding `data`.
  public init(_ data: Tensor, name: String? = nil) {
    _data = data
    _grad = nil
    _creator = nil
    if let name { _extras = VariableExtras(name: name) }  // else nil already: no release of nil
    generation = 0
  }

  /// An output of `creator`, one generation after it.
  init(_ data: Tensor, creator: Function) {
    _data = data
    _grad = nil
    _creator = creator
    generation = creator.generation + 1
  }

  /// An output of a deferred call, `generation` steps from the inputs.
  ///
  /// Inlined into each op's `deferredCall`: a call of its own cost ~19 instructions per op in W1.
  @inline(__always)
  init(_ data: Tensor, deferred: DeferredCreator, generation: Int) {
    _data = data
    _grad = nil
    _deferred = deferred
    self.generation = generation
  }

  /// The value.
  public var data: Tensor {
    get { _data }
    set { _data = newValue }
  }

  /// The derivative of the backward pass's output with respect to this variable; `nil` until a
  /// backward pass reaches it.
  ///
  /// After a pass with `createGraph: true` this is the data of `gradVariable`. Setting it forgets
  /// `gradVariable` (the gradient is then a plain value, as after a pass that kept no graph).
  public var grad: Tensor? {
    get { _grad }
    set {
      _grad = newValue
      forgetGradVariable()
    }
  }

  /// The function whose output this is; `nil` for an input (a leaf).
  ///
  /// A variable made by a lower-case helper (`square(x)`) makes its function object here, the first
  /// time it is asked for; from then on it is the same object every time.
  public var creator: Function? {
    if let deferred = _deferred.take() {
      let function = deferred.makeFunction(output: self)
      function.scheduledBy = scheduledBy
      _creator = function
    }
    return _creator
  }

  /// Whether this variable has a creator, as an object or deferred (whether it is not a leaf).
  var hasCreator: Bool { _creator != nil || _deferred != nil }

  /// A label for screens and messages (`x`, `W`); `nil` when unnamed.
  public var name: String? {
    get { _extras?.name }
    set {
      if newValue == nil, _extras == nil { return }
      extras().name = newValue
    }
  }

  /// A leaf variable holding the scalar `value`.
  public convenience init(_ value: Double, name: String? = nil) {
    self.init(Tensor(value), name: name)
  }

  /// The shape of `data`.
  public var shape: [Int] { data.shape }

  /// Forgets the gradient (`grad` and `gradVariable`), so that a new backward pass starts from
  /// nothing (DeZero's `cleargrad`).
  public func cleargrad() {
    grad = nil
  }

  /// Runs a whole backward pass from this variable (see `BackwardPass`).
  ///
  /// When `grad` is `nil` it is seeded with ones of `data`'s shape first. With `retainGrad: false`
  /// the gradients of intermediate variables are freed once used, and only the leaves keep theirs.
  /// Gradients add up over passes until `cleargrad()`, as in DeZero.
  ///
  /// With `createGraph: true` the pass computes every gradient with this module's ops, recording
  /// them (even inside `withNoGrad`), so each gradient is also a `gradVariable` with a creator that
  /// can be differentiated again; see `grad(_:_:createGraph:)` for the short form.
  ///
  /// A pass without `createGraph` first runs, on `Double`s and without a `BackwardPass`, the steps
  /// over scalars taken while only one function is pending (see `runScalarChain`), and starts a
  /// pass only for the rest of the graph.
  public func backward(retainGrad: Bool = true, createGraph: Bool = false) {
    var start = self
    if !createGraph {
      guard let rest = BackwardPass.runScalarChain(from: self, retainGrad: retainGrad) else { return }
      start = rest
    }
    var pass = BackwardPass(from: start, retainGrad: retainGrad, createGraph: createGraph)
    pass.run()
  }

  /// Frees a long chain without recursing: releasing the last variable of a 1,000,000-function chain
  /// would otherwise release each creator from inside the previous release and overflow the stack.
  /// Also clears this variable in its creator's outputs, which then read it as `nil`.
  deinit {
    guard hasCreator else { return }
    var pending = TeardownStack()
    releaseCreator(into: &pending)
    while let variable = pending.pop() {
      variable.releaseCreator(into: &pending)
    }
  }
}

extension Variable: CustomStringConvertible {
  /// `variable(0.5)`, as DeZero prints a variable.
  public var description: String { "variable(\(data))" }
}
