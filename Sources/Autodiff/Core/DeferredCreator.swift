/// A creator not made yet: one of this module's elementwise ops, applied to inputs this record holds.
///
/// The lower-case helpers (`square(x)`, `exp(x)`, `a * b`, …) store this record in the output variable
/// instead of allocating a `Function` per call; `Variable.creator` makes the function object the first
/// time anyone asks for it, identical to the one `Square()(x)` would have made, while the backward
/// pass and the teardown work from the record directly. A graph built with the helpers therefore
/// costs one object per variable instead of two per call, and reads the same through the public API.
///
/// The record owns its inputs through manually counted references, so that copying it and reading it
/// in the backward pass costs no reference counting: `init` retains them, and exactly one of
/// `makeFunction(output:)` (which hands them to the function) and `takeFirst()` with `takeSecond()`
/// gives them back.
struct DeferredCreator {
  /// The op's class.
  let op: any DeferrableFunction.Type
  /// The first input, retained by the record.
  let first: Unmanaged<Variable>
  /// The second input of a binary op, retained by the record; `nil` for a unary one.
  let second: Unmanaged<Variable>?

  /// A record of `op` applied to `first` (and `second`), retaining them.
  init(op: any DeferrableFunction.Type, first: Variable, second: Variable?) {
    self.op = op
    self.first = Unmanaged.passRetained(first)
    self.second = second.map(Unmanaged.passRetained)
  }

  /// The function object this record stands for, called on its inputs with `output` as its output;
  /// the function takes over the record's references to the inputs.
  func makeFunction(output: Variable) -> Function {
    let function = op.init()
    function.attach(first.takeRetainedValue(), second?.takeRetainedValue(), output: output)
    return function
  }

  /// Gives the record's reference to its first input back (for a teardown, with `takeSecond()`).
  func takeFirst() -> Variable { first.takeRetainedValue() }

  /// Gives the record's reference to its second input back, if it has one (see `takeFirst()`).
  func takeSecond() -> Variable? { second?.takeRetainedValue() }
}

/// An op of this module whose calls through the lower-case helpers are deferred (see
/// `DeferredCreator`): a stateless elementwise op with a plain initialiser and a shared instance.
protocol DeferrableFunction: Function {
  /// A function not yet called.
  init()

  /// The instance whose arithmetic deferred calls use: never called, so it has no inputs.
  static var shared: Self { get }

  /// The inputs' gradients for the inputs' data and the output's gradient `gy`, as
  /// `inputGradients(_:)` computes them for a called function.
  static func inputGradients(first: Tensor, second: Tensor?, gy: Tensor) -> Gradients

  /// For a unary op, the input's gradient at the scalar `x` for the scalar `gy`, with the same
  /// arithmetic as `inputGradients`; `nil` for a binary op. The backward pass's path for scalars:
  /// it skips the tensors and the `Gradients` around the one `Double` it needs.
  static func scalarInputGradient(_ x: Double, _ gy: Double) -> Double?

  /// For a binary op, both inputs' gradients at the scalars `a` and `b` for the scalar `gy`, with
  /// the same arithmetic as `inputGradients`; `nil` for a unary op.
  static func scalarInputGradients(_ a: Double, _ b: Double, _ gy: Double) -> (Double, Double)?
}

/// A deferrable op of one input applied to each element, stated on one `Double`: its value and its
/// local derivative, from which the op's `apply`, `localDerivative` and fused `inputGradient` are
/// written, so the scalar paths below compute the same bits as the tensor ones.
protocol DeferrableUnaryFunction: ElementwiseFunction, DeferrableFunction {
  /// The op at `x`: what `apply` computes for each element.
  static func value(at x: Double) -> Double

  /// The local derivative at `x`: the product of `localDerivative`'s factors.
  static func derivative(at x: Double) -> Double
}

extension DeferrableUnaryFunction {
  /// `.one(inputGradient(first, gy))`, with the shared instance's arithmetic.
  static func inputGradients(first: Tensor, second: Tensor?, gy: Tensor) -> Gradients {
    .one(shared.inputGradient(first, gy))
  }

  /// `derivative(at: x) · gy`, as `inputGradient` multiplies each element.
  static func scalarInputGradient(_ x: Double, _ gy: Double) -> Double? {
    derivative(at: x) * gy
  }

  /// `nil`: a unary op has one input gradient.
  static func scalarInputGradients(_ a: Double, _ b: Double, _ gy: Double) -> (Double, Double)? { nil }

  /// The op applied to `x`, with its creator deferred (a leaf inside `withNoGrad`). A scalar takes
  /// `value(at:)` directly, the bits `apply` would give, without the shared instance.
  static func deferredCall(_ x: Variable) -> Variable {
    let y: Tensor
    if case .scalar(let value) = x._data.storage {
      y = Tensor(Self.value(at: value))
    } else {
      y = shared.apply(x._data)
    }
    guard GradMode.isEnabled else { return Variable(y) }
    return Variable(
      y, deferred: DeferredCreator(op: Self.self, first: x, second: nil), generation: x.generation + 1)
  }
}

/// A deferrable op of two inputs applied element by element, also stated on two `Double`s: its
/// value and both inputs' gradients, with the arithmetic its `apply` and `factorProducts` use on
/// each element, so the scalar paths below compute the same bits as the tensor ones.
protocol DeferrableBinaryFunction: BinaryFunction, DeferrableFunction {
  /// The op at `a` and `b`: what `apply` computes for each pair of elements.
  static func value(at a: Double, _ b: Double) -> Double

  /// Both inputs' gradients at `a` and `b` for `gy`: what `factorProducts` computes for each element.
  static func gradients(at a: Double, _ b: Double, gy: Double) -> (Double, Double)
}

extension DeferrableBinaryFunction {
  /// Each input's gradient, with the shared instance's arithmetic.
  static func inputGradients(first: Tensor, second: Tensor?, gy: Tensor) -> Gradients {
    shared.inputGradients(first: first, second: second, gy: gy)
  }

  /// `nil`: a binary op has no single input gradient.
  static func scalarInputGradient(_ x: Double, _ gy: Double) -> Double? { nil }

  /// `gradients(at: a, b, gy: gy)`.
  static func scalarInputGradients(_ a: Double, _ b: Double, _ gy: Double) -> (Double, Double)? {
    gradients(at: a, b, gy: gy)
  }

  /// The op applied to `a` and `b` (broadcast), with its creator deferred (a leaf inside `withNoGrad`).
  /// Two scalars take `value(at:_:)` directly, the bits `apply` would give.
  ///
  /// - Precondition: the shapes broadcast (check with `outputShapes(for:)` first to get the error).
  static func deferredCall(_ a: Variable, _ b: Variable) -> Variable {
    let output: Tensor
    if case .scalar(let x) = a._data.storage, case .scalar(let y) = b._data.storage {
      output = Tensor(value(at: x, y))
    } else {
      let (x, y) = (a._data, b._data)
      if x.shape != y.shape {
        checked { () throws(ShapeError) in
          _ = try Tensor.broadcastShape(x.shape, y.shape, operation: shared.name)
        }
      }
      output = shared.apply(x, y)
    }
    guard GradMode.isEnabled else { return Variable(output) }
    return Variable(
      output, deferred: DeferredCreator(op: Self.self, first: a, second: b),
      generation: max(a.generation, b.generation) + 1)
  }
}
