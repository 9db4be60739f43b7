/// One step of a computation: takes input variables, produces output variables, and knows its
/// local derivative. Subclass it and override `forward`, `backward` and the descriptions, as the
/// seed's `Square` and `Exp` subclass its `Function`.
///
/// A function holds its inputs strongly and its outputs weakly, so a graph has no reference cycle and
/// is freed when its last variable goes; a freed output reads as `nil`. (The outputs are plain
/// pointers that an output clears in its creator when it is freed, so no weak-reference side table
/// is needed.)
open class Function {
  /// The first two inputs, inline; `nil` when there are fewer.
  final var firstInput, secondInput: Variable?
  /// The inputs after the second and the outputs after the first; `nil` when there are none, as for
  /// most functions, which then store and free nothing for them.
  final var extras: FunctionExtras?
  /// The first output, unretained and cleared by that output's `deinit` (so comparing or reading it
  /// costs no reference counting).
  final var firstOutput: Unmanaged<Variable>?
  /// The first output's shape, recorded when called (left empty for a scalar, whose shape it is).
  final var firstOutputShape: [Int] = []
  /// Storage for `outputCount`.
  final var _outputCount = 0
  /// Storage for `generation`.
  final var _generation = 0
  /// The last backward pass that scheduled this function (see `BackwardPass`).
  final var scheduledBy = 0

  /// A function not yet called.
  public init() {}

  /// The inputs after the second, in argument order.
  final var laterInputs: [Variable] { extras?.laterInputs ?? [] }

  /// The outputs after the first, each cleared by its variable's `deinit`.
  final var laterOutputs: [OutputSlot] { extras?.laterOutputs ?? [] }

  /// The number of outputs this function produced when called; 0 before.
  public final var outputCount: Int { _outputCount }

  /// The largest generation among the inputs; backward visits larger generations first.
  public final var generation: Int { _generation }

  /// The variables this function was called on, in argument order.
  public final var inputs: [Variable] {
    guard let firstInput else { return [] }
    guard let secondInput else { return [firstInput] }
    return [firstInput, secondInput] + laterInputs
  }

  /// The number of inputs this function was called on.
  final var inputCount: Int {
    firstInput == nil ? 0 : secondInput == nil ? 1 : 2 + laterInputs.count
  }

  /// The outputs, as far as they are still alive (outputs are held weakly).
  public final var outputs: [Variable?] {
    guard outputCount > 0 else { return [] }
    return [firstOutput?.takeUnretainedValue()] + laterOutputs.map(\.variable)
  }

  /// The shape of each output, recorded when called (outputs themselves may be freed).
  public final var outputShapesProduced: [[Int]] {
    guard outputCount > 0 else { return [] }
    return [firstOutputShape] + laterOutputs.map(\.shape)
  }

  /// The op's name as the screens show it (`Square`, `Exp`, `MatMul`): by default its class's name.
  open var name: String { FunctionNames.name(of: type(of: self)) }

  /// How many inputs the op takes; `nil` for any number.
  open var arity: Int? { 1 }

  /// Computes the outputs' data from the inputs' data.
  open func forward(_ xs: [Tensor]) -> [Tensor] {
    preconditionFailure("\(name) must override forward(_:)")
  }

  /// Given the gradients of the outputs, returns the gradients of the inputs (one per input, each
  /// of that input's shape). Read the inputs' data from `inputs`, as the seed reads `self.input.data`.
  open func backward(_ gys: [Tensor]) -> [Tensor] {
    preconditionFailure("\(name) must override backward(_:)")
  }

  /// Given the gradients of the outputs as variables, returns the gradients of the inputs as
  /// variables (one per input, each of that input's shape), computed with this module's ops so that
  /// they are recorded: what a backward pass with `createGraph: true` calls (DeZero's step 34
  /// `backward`, on `Variable`s). Read the inputs from `inputs`; do not use the outputs (a gradient
  /// graph holding the pass's output would never be freed). The result must be `backward(_:)` on the
  /// gradients' data.
  ///
  /// Every op of this module overrides it; the default traps, saying that the op cannot be
  /// differentiated twice.
  open func backward(_ gys: [Variable]) -> [Variable] {
    preconditionFailure(
      "\(name) has no backward on variables: override backward(_: [Variable]) -> [Variable] to use it with"
        + " createGraph")
  }

  /// The output shapes for the given input shapes, or a `ShapeError` saying which shapes met where.
  /// The default accepts one input and keeps its shape (elementwise unary ops).
  open func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [inputShapes[0]]
  }

  /// The forward computation in symbols, with the inputs' names: `exp(a)`, `a + b`.
  open func expression(_ names: [String]) -> String {
    "\(name.lowercased())(\(names.joined(separator: ", ")))"
  }

  /// The local derivative for input `index` in symbols, with the inputs' names and `gy` for the
  /// output's gradient: `exp(a)·gy` for `Exp`, `2·x·gy` for `Square`.
  open func gradientFormula(input index: Int, names: [String]) -> String {
    "∂\(name)/∂x\(index)·gy"
  }

  /// The factors whose elementwise product is input `index`'s gradient, in the order
  /// `gradientFormula` writes them (for `Exp`: `[exp(a), gy]`), so a screen can show the chain rule
  /// in numbers. `nil` when the gradient is not such a product (shape ops, `MatMul`).
  open func gradientFactors(input index: Int, outputGrads gys: [Tensor]) -> [Tensor]? {
    nil
  }

  /// `callAsFunction(_:)` for one input; ops with a single output override it to skip the arrays.
  func call(_ x: Variable) -> Variable {
    callAsFunction([x])[0]
  }

  /// `callAsFunction(_:_:)` for two inputs; ops with a single output override it to skip the arrays.
  func call(_ a: Variable, _ b: Variable) -> Variable {
    callAsFunction([a, b])[0]
  }

  /// The inputs' gradients for the outputs' gradients `gys`: `backward(gys)`, which ops override
  /// with the same arithmetic without the arrays.
  func inputGradients(_ gys: Gradients) -> Gradients {
    .many(backward(gys.array))
  }
}

/// A function's inputs after the second and outputs after the first, which most functions lack.
struct FunctionExtras {
  /// The inputs after the second, in argument order.
  var laterInputs: [Variable]
  /// The outputs after the first, each cleared by its variable's `deinit`.
  var laterOutputs: [OutputSlot]
}

/// A function's output after the first: a pointer its variable clears when freed, and its shape.
struct OutputSlot {
  /// The output, `nil` once freed.
  unowned(unsafe) var variable: Variable?
  /// The output's shape when produced.
  let shape: [Int]
}
