import Autodiff

/// A program parsed into an Autodiff graph, its forward pass already run.
///
/// The language, one statement per line (or several separated by `;`), `#` starting a comment:
/// ```
/// x = 0.5                    # an input: a number or a rectangular nested list of numbers
/// W = [[1, 2], [3, 4]]
/// a = square(x)              # a computation
/// y = -x^2 + 2 * exp(a)      # + - * / with the usual precedence; ^ (a constant or a variable exponent)
/// g = grad(y, x)             # ∂y/∂x, its backward pass recorded: g2 = grad(g, x); x may be computed
/// v = x - 0.1 * grad(y, x)   # grad(…) may appear anywhere in an expression
/// r = W[1] + W[:, 0] + W[::-1, 1:2][0]   # indexing and slicing as NumPy
/// output y                   # optional; otherwise the last assigned name is the output
/// backward                   # optional: backward passes and clearings, after every computation
/// backward                   # a second pass adds to the gradients (they accumulate)
/// cleargrad                  # clears every gradient
/// backward
/// ```
/// or, instead of `backward` lines, one optimisation loop as the last line (see `ProgramLoop`):
/// ```
/// repeat 1000: x -= 0.001 * grad(y, x)     # or grad(y, x) / grad(grad(y, x), x), or an optimiser:
/// repeat 500 until y < 0.01: adam(0.05) W, b
/// ```
/// `^` is right-associative and binds tighter than unary minus (`-x^2` is `-(x^2)`); a constant
/// exponent (`x^-1`, `x^(1/2)`) makes `Pow`, a variable one `PowVariable`, as `pow(x, y)` does.
/// Functions: `square exp sin cos tanh log sqrt sigmoid relu neg abs` (1 argument), `add sub mul div
/// matmul maximum minimum` (2), `pow(x, c)`, `clip(x, lo, hi)`, the reductions `sum mean max min
/// logsumexp` as `sum(x)`, `sum(x, axis…)` and `sum(x, axis…, keepdims)`, `softmax(x, axis)` and
/// `log_softmax(x, axis)`, `concat(a, b, …, axis)`, `transpose(x)` or `transpose(x, axis…)`, and
/// `sum_to`, `broadcast_to`, `reshape` followed by the shape's dimensions (`reshape(x, 2, -1)`).
///
/// Every sub-expression of a statement becomes a variable named after the statement, numbered in
/// evaluation order: in `y = x*w + b`, `x*w` is `y#1` and the sum is `y`. A number in an expression
/// becomes a constant leaf named after its statement too, `y#c1`, `y#c2`, … (so names are unique;
/// expressions on screen still write the number). The forward pass may produce NaN or infinity
/// (`log(-1)`); that is not an error, so learners can watch it flow through the graph.
public struct Program {
  /// The program text.
  public let source: String
  /// The inputs (`name = literal` statements) in statement order, with their variables.
  public let inputs: [(name: String, variable: Variable)]
  /// Every variable the program's statements made, in evaluation order: inputs, constants and
  /// results (a `grad` statement's result, but not the intermediate variables of its recorded
  /// backward pass, which its functions in `functionsInStatementOrder` reach).
  public let variables: [Variable]
  /// The output variable.
  public let output: Variable
  /// Every function in evaluation order (statement by statement, each statement's sub-expressions
  /// first). Statements the output does not depend on are included: they run but get no gradient.
  /// A `grad` statement's place holds the functions its backward pass recorded, in evaluation order.
  public let functionsInStatementOrder: [Function]
  /// The functions `grad` statements recorded, each with where it comes from (`Square's backward
  /// in g = grad(y, x)`), in evaluation order.
  public let derivations: [(function: Function, derivation: String)]
  /// The comments the program teaches with: its leading comment lines, and the comment right above
  /// a statement for that statement's functions.
  public let lesson: Lesson
  /// The `backward` and `cleargrad` lines in order; one `backward` when the program has none.
  public var passes: [PassStatement] { ir.passes }
  /// The `repeat` line, when the program has one.
  public let loop: ProgramLoop?
  let ir: ProgramIR

  /// The most bytes (UTF-8) of program text `parse` accepts: 32 MiB.
  public static let maximumBytes = Limits.bytes

  /// Parses `text`, checks every shape, then builds the graph and runs the forward pass.
  ///
  /// `overrides` replaces inputs' literal values (as `--set x=0.7` does); each must have its
  /// literal's shape.
  /// - Throws: `ProgramError` for the first problem found, with its line and column; before anything
  ///   runs, so a shape mismatch never traps. A text longer than `maximumBytes` is refused before it
  ///   is parsed, and one with more than 1,000,000 variables (inputs, constants and results) as soon
  ///   as it has that many.
  public static func parse(_ text: String, overrides: [String: Tensor] = [:]) throws(ProgramError) -> Program
  {
    try parse(text, overrides: overrides, variableLimit: Limits.variables)
  }

  /// `parse(_:overrides:)` with a limit on the variables that `grad` statements' backward passes
  /// add to the program's own (tests make it small to reach it fast).
  static func parse(_ text: String, overrides: [String: Tensor], variableLimit: Int) throws(ProgramError)
    -> Program
  {
    try checkSize(text.utf8.count)
    let source = SourceText(text)
    let ir = try parseIR(source, overrides: overrides)
    try checkOverrides(overrides, against: ir)
    try ShapeInference.check(ir, in: source)
    if let loop = ir.loop {
      var extended = ir
      extended.nodes += loop.nodes
      let shapes = try ShapeInference.check(extended, in: source)
      try ProgramLoop.check(
        loop, shapes: shapes, output: ir.output, names: { ir.nodes[$0].name }, source: source)
    }
    let program = try Program(source: source, ir: ir, variableLimit: variableLimit)
    try program.checkGradients(in: source)
    return program
  }

  /// Parses UTF-8 bytes (a file's contents, `Data` or `[UInt8]`) as `parse(_:overrides:)` does.
  ///
  /// - Throws: `ProgramError` at the first byte that is not valid UTF-8, located by line and column.
  public static func parse(bytes: some Sequence<UInt8>, overrides: [String: Tensor] = [:])
    throws(ProgramError)
    -> Program
  {
    let array = Array(bytes)
    try checkSize(array.count)
    return try parse(try UTF8Check.decode(array), overrides: overrides)
  }

  /// The program's IR; the parser (with its table of names) is gone before the graph is built.
  private static func parseIR(_ source: SourceText, overrides: [String: Tensor]) throws(ProgramError)
    -> ProgramIR
  {
    var parser = Parser(source: source, overrides: overrides)
    return try parser.parseProgram()
  }

  /// Throws when `byteCount` is over `maximumBytes`.
  private static func checkSize(_ byteCount: Int) throws(ProgramError) {
    guard byteCount <= Limits.bytes else {
      throw ProgramError(message: sizeMessage(byteCount: byteCount))
    }
  }

  /// "the program is N bytes, more than GradStep's limit of 33,554,432 bytes (32 MiB)"; for a
  /// reader that stops early, `byteCount` is where it stopped ("more than N bytes").
  public static func sizeMessage(byteCount: Int, stoppedEarly: Bool = false) -> String {
    "the program is \(stoppedEarly ? "more than " : "")\(Limits.grouped(byteCount)) bytes, over GradStep's "
      + "limit of \(Limits.grouped(Limits.bytes)) bytes (32 MiB)"
  }

  /// Builds the graph; throws at the `grad` statement whose backward pass takes the program past
  /// `variableLimit` variables, as soon as it does.
  private init(source: SourceText, ir: ProgramIR, variableLimit: Int) throws(ProgramError) {
    self.source = source.text
    self.ir = ir
    let inputVariables = ir.inputs.map { node in
      guard case .input(let value) = ir.nodes[node].kind else { preconditionFailure("input node \(node)") }
      return Variable(value, name: ir.nodes[node].name)
    }
    let comments = Lesson.Comments(source)
    let built: GraphBuilder.Built
    do {
      built = try GraphBuilder.build(
        ir, inputs: inputVariables, variableLimit: variableLimit, notedLines: Set(comments.above.keys))
    } catch {
      throw source.error(
        "the program has more than \(Limits.grouped(variableLimit)) variables (inputs, constants and "
          + "results), GradStep's limit: the backward pass this grad records passes it",
        at: ir.nodes[error.node].site)
    }
    variables = built.variables
    inputs = zip(ir.inputs, inputVariables).map { (ir.nodes[$0].name, $1) }
    output = variables[ir.output]
    functionsInStatementOrder = built.functions
    derivations = built.derivations
    lesson = Lesson(comments, notedFunctions: built.noted)
    loop = ir.loop.map { [variables] in
      ProgramLoop($0, variables: variables, output: ir.output, names: { ir.nodes[$0].name }, source: source)
    }
  }

  /// Throws for a `grad` statement whose gradient came out constant (the backward pass recorded
  /// nothing it depends on), so there is no graph to show or differentiate.
  private func checkGradients(in source: SourceText) throws(ProgramError) {
    for (index, node) in ir.nodes.enumerated() {
      guard case .gradient(let output, let input) = node.kind, variables[index].creator == nil else {
        continue
      }
      throw source.error(
        "the gradient of '\(ir.nodes[output].name)' with respect to '\(ir.nodes[input].name)' is the "
          + "constant \(variables[index].data): nothing depends on '\(ir.nodes[input].name)' to show "
          + "or differentiate", at: node.site)
    }
  }

  /// The variable of an assigned name, input or result (the last variable of that name).
  public func variable(named name: String) -> Variable? {
    variables.last { $0.name == name }
  }

  /// Builds the program's graph again on `inputs` (one per input, in the order of `inputs`, of the
  /// same shapes) and returns the output; for `gradientCheck`, which perturbs the inputs' values:
  /// `gradientCheck(inputs: program.inputs.map(\.variable.data), program.rebuild(with:))`.
  public func rebuild(with inputs: [Variable]) -> Variable {
    // The limit held when the program was parsed, and a rebuild makes the same variables.
    do throws(GraphBuilder.TooManyVariables) {
      return try GraphBuilder.build(ir, inputs: inputs).variables[ir.output]
    } catch {
      preconditionFailure("an unlimited build cannot pass a limit")
    }
  }

  /// Throws for an override whose name is not an input (checked in name order).
  private static func checkOverrides(_ overrides: [String: Tensor], against ir: ProgramIR)
    throws(ProgramError)
  {
    let inputNames = ir.inputs.map { ir.nodes[$0].name }
    for name in overrides.keys.sorted() where !inputNames.contains(name) {
      let known =
        inputNames.isEmpty ? "the program has no inputs" : "inputs are " + inputNames.joined(separator: ", ")
      throw ProgramError(message: "cannot set '\(name)': it is not an input; \(known)")
    }
  }
}
