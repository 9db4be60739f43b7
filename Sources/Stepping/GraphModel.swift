import Autodiff

/// An Autodiff graph flattened into numbered nodes for the screens: variables `0..<variables.count`
/// and functions after them, each with a label and its connections. Numbering follows the
/// evaluation order, so it never depends on memory addresses.
public struct GraphModel {
  /// A variable node.
  public struct VariableNode {
    /// The variable.
    public let variable: Variable
    /// Its name, or `v<number>` when it has none.
    public let label: String
    /// How an expression writes it: its label, or for a constant (a scalar leaf that is not one of
    /// the graph's inputs, when they are known) its value, so `y#1 = 2 · x` reads as written.
    public let symbol: String
    /// The function that produced it (an index into `functions`), `nil` for an input.
    public let creator: Int?
    /// The functions that take it as an input, in evaluation order (a function appears once per use).
    public internal(set) var consumers: [Int]
    /// Whether it is a leaf (no creator).
    public var isLeaf: Bool { creator == nil }
  }

  /// A function node.
  public struct FunctionNode {
    /// The function.
    public let function: Function
    /// The op's name (`Square`), after `∂` for a function of a backward pass a program recorded
    /// (`∂Mul`), so the graph of a gradient stands out from the forward graph; a power shows its
    /// constant exponent (`Pow^3`), which is part of what it computes.
    public var label: String {
      let name = (function as? Pow).map { "\(function.name)^\(formatConstant($0.exponent))" } ?? function.name
      return derivation == nil ? name : "∂" + name
    }
    /// For a function a program's `grad` recorded: which backward made it (`Square's backward in
    /// grad(y, x)`); `nil` for a forward function.
    public let derivation: String?
    /// For a function imported from a model file: the node it came from (`ONNX Gemm '/l1/Gemm'
    /// (transB=1)`); `nil` otherwise.
    public let origin: String?
    /// Its inputs (indices into `variables`), in argument order; repeated when a variable is used twice.
    public let inputs: [Int]
    /// Its outputs (indices into `variables`).
    public let outputs: [Int]
  }

  /// The variables, in order of first appearance in the evaluation order.
  public let variables: [VariableNode]
  /// The functions, in evaluation order.
  public let functions: [FunctionNode]
  /// The output variable (the one backward starts from).
  public let output: Int
  /// Where the functions a program's `grad` recorded come from, by function (see
  /// `FunctionNode.derivation`).
  public let derivations: [ObjectIdentifier: String]
  /// Where imported functions come from, by function (see `FunctionNode.origin`).
  public let origins: [ObjectIdentifier: String]
  /// The variables that take no gradient (PyTorch's `requires_grad=False`): with
  /// `constantsTakeNoGradient`, the leaves that are not inputs (a model's constants and buffers,
  /// such as BatchNorm's running statistics) and every variable computed from those alone; empty
  /// otherwise (a program's constants take gradients, as in DeZero).
  public let gradientFree: Set<Int>
  private let variableIndex: [ObjectIdentifier: Int]
  private let functionIndex: [ObjectIdentifier: Int]

  /// Numbers the graph that produced `output`; `functionOrder`, when given, is the evaluation order
  /// (for example a program's statement order), otherwise `ComputationGraph`'s order is used;
  /// `derivations` marks the functions of a recorded backward pass, `origins` those of an imported
  /// model; `inputs`, when given, are the leaves that are inputs, and the other scalar leaves
  /// constants (written by value in expressions); `constantsTakeNoGradient` makes those constants
  /// and what is computed from them alone `gradientFree`.
  public init(
    output: Variable, functionOrder: [Function]? = nil, derivations: [ObjectIdentifier: String] = [:],
    inputs: [Variable]? = nil, origins: [ObjectIdentifier: String] = [:],
    constantsTakeNoGradient: Bool = false
  ) {
    let graph = ComputationGraph(output: output)
    let order = functionOrder ?? graph.functions
    var variableIndex = [ObjectIdentifier: Int]()
    var variables = [Variable]()
    func index(of variable: Variable) -> Int {
      if let known = variableIndex[ObjectIdentifier(variable)] { return known }
      variableIndex[ObjectIdentifier(variable)] = variables.count
      variables.append(variable)
      return variables.count - 1
    }
    var creators = [Int: Int]()
    var functions = [FunctionNode]()
    for (position, function) in order.enumerated() {
      let inputs = function.inputs.map(index(of:))
      let outputs = function.outputs.compactMap { $0 }.map(index(of:))
      for produced in outputs { creators[produced] = position }
      functions.append(
        FunctionNode(
          function: function, derivation: derivations[ObjectIdentifier(function)],
          origin: origins[ObjectIdentifier(function)], inputs: inputs, outputs: outputs))
    }
    let outputIndex = index(of: output)
    let inputIDs = inputs.map { Set($0.map(ObjectIdentifier.init)) }
    var nodes = variables.enumerated().map { position, variable in
      let label = variable.name ?? "v\(position)"
      let constant =
        creators[position] == nil && inputIDs.map { !$0.contains(ObjectIdentifier(variable)) } == true
      return VariableNode(
        variable: variable, label: label,
        symbol: constant ? variable.data.scalar.map(formatConstant) ?? label : label,
        creator: creators[position], consumers: [])
    }
    for (position, function) in functions.enumerated() {
      for input in function.inputs where nodes[input].consumers.last != position {
        nodes[input].consumers.append(position)
      }
    }
    self.variables = nodes
    self.functions = functions
    if constantsTakeNoGradient, let inputIDs {
      gradientFree = Self.gradientFree(nodes, functions, inputs: inputIDs)
    } else {
      gradientFree = []
    }
    self.output = outputIndex
    self.derivations = derivations
    self.origins = origins
    self.variableIndex = variableIndex
    self.functionIndex = Dictionary(
      uniqueKeysWithValues: functions.enumerated().map { (ObjectIdentifier($1.function), $0) })
  }

  /// The leaves not in `inputs` and, in evaluation order, the outputs of functions whose inputs are
  /// all among them.
  private static func gradientFree(
    _ nodes: [VariableNode], _ functions: [FunctionNode], inputs: Set<ObjectIdentifier>
  ) -> Set<Int> {
    var free = Set(
      nodes.indices.filter { nodes[$0].isLeaf && !inputs.contains(ObjectIdentifier(nodes[$0].variable)) })
    for function in functions where function.inputs.allSatisfy(free.contains) {
      free.formUnion(function.outputs)
    }
    return free
  }

  /// The number of `variable` in this graph, `nil` when it is not part of it.
  public func index(of variable: Variable) -> Int? { variableIndex[ObjectIdentifier(variable)] }

  /// The number of `function` in this graph, `nil` when it is not part of it.
  public func index(of function: Function) -> Int? { functionIndex[ObjectIdentifier(function)] }

  /// The number of nodes, variables and functions together.
  public var nodeCount: Int { variables.count + functions.count }

  /// The node number of function `index` (functions come after the variables).
  public func nodeID(function index: Int) -> Int { variables.count + index }

  /// The leaves, in order: the graph's inputs (constants included).
  public var leaves: [Int] { variables.indices.filter { variables[$0].isLeaf } }
}
