/// One step of a computation: takes input variables, produces output variables, and knows its
/// local derivative. Subclass it and override `forward`, `backward` and the descriptions, as the
/// seed's `Square` and `Exp` subclass its `Function`.
///
/// A function holds its inputs strongly and its outputs weakly, so a graph has no reference cycle and
/// is freed when its last variable goes.
open class Function {
  /// The variables this function was called on, in argument order.
  public private(set) var inputs: [Variable] = []
  private var outputReferences: [WeakVariable] = []
  /// The largest generation among the inputs; backward visits larger generations first.
  public private(set) var generation = 0
  /// The shape of each output, recorded when called (outputs themselves may be freed).
  public private(set) var outputShapesProduced: [[Int]] = []

  /// A function not yet called.
  public init() {}

  /// The outputs, as far as they are still alive (outputs are held weakly).
  public var outputs: [Variable?] { outputReferences.map(\.variable) }

  /// The number of outputs this function produced when called.
  public var outputCount: Int { outputReferences.count }

  /// The op's name as the screens show it (`Square`, `Exp`, `MatMul`).
  open var name: String { String(describing: type(of: self)) }

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

  /// Calls the function on `inputs`, as the seed's `__call__`: runs `forward`, wraps each result in a
  /// new variable whose creator is this function, and records inputs and outputs.
  ///
  /// - Precondition: the input count matches `arity` and the shapes are accepted by `outputShapes`
  ///   (check with `outputShapes(for:)` first to get the error as a value).
  public func callAsFunction(_ inputs: [Variable]) -> [Variable] {
    if let arity {
      precondition(inputs.count == arity, "\(name) takes \(arity) input(s), got \(inputs.count)")
    }
    do {
      _ = try outputShapes(for: inputs.map(\.shape))
    } catch {
      preconditionFailure(error.description)
    }
    let ys = forward(inputs.map(\.data))
    self.inputs = inputs
    generation = inputs.map(\.generation).max() ?? 0
    let outputs = ys.map { Variable($0) }
    for output in outputs { output.setCreator(self) }
    outputReferences = outputs.map(WeakVariable.init)
    outputShapesProduced = ys.map(\.shape)
    return outputs
  }

  /// Calls a function on its inputs and returns its first output: `Square()(x)`, as the seed writes `A(x)`.
  public func callAsFunction(_ inputs: Variable...) -> Variable {
    callAsFunction(inputs)[0]
  }

  /// Hands the inputs over to a caller that is tearing the graph down (see `Variable.deinit`).
  func detachInputs() -> [Variable] {
    defer { inputs = [] }
    return inputs
  }
}

/// A weak reference to a variable, so a function does not keep its outputs alive.
struct WeakVariable {
  weak var variable: Variable?
}
