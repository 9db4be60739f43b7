import Autodiff

/// One ONNX node as an operator mapping sees it: its input values, its attributes (each read at
/// most once; an attribute no mapping reads is an error), and errors that name the node.
struct NodeContext {
  /// The node as the file holds it.
  let node: Onnx_NodeProto
  /// The node's input values in order; `nil` for an omitted optional input (an empty name).
  let inputs: [Value?]
  /// How the model's tensors are decoded (for tensor attributes, whose data may be external).
  let decoding: TensorDecoding
  /// The attributes the mapping has read so far.
  private(set) var readAttributes: Set<String> = []

  /// A context for `node` with its input values, decoding tensor attributes with `decoding`.
  init(node: Onnx_NodeProto, inputs: [Value?], decoding: TensorDecoding) {
    self.node = node
    self.inputs = inputs
    self.decoding = decoding
  }

  /// `Gemm node '/l1/Gemm'` (or `Gemm node #3` when unnamed), for messages.
  var location: String { Self.location(of: node) }

  /// The location of any node; `index` numbers unnamed ones.
  static func location(of node: Onnx_NodeProto, index: Int? = nil) -> String {
    if !node.name.isEmpty { return "\(node.opType) node '\(node.name)'" }
    if let index { return "\(node.opType) node #\(index)" }
    return "\(node.opType) node with outputs \(node.output.joined(separator: ", "))"
  }

  /// An error about this node.
  func error(_ message: String) -> ModelImportError {
    ModelImportError("\(location): \(message)")
  }

  // MARK: Inputs

  /// Throws unless the node has between `minimum` and `maximum` inputs.
  func expectInputs(_ minimum: Int, _ maximum: Int? = nil) throws(ModelImportError) {
    let maximum = maximum ?? minimum
    guard (minimum...maximum).contains(inputs.count) else {
      let expected = minimum == maximum ? "\(minimum)" : "\(minimum) to \(maximum)"
      throw error("expected \(expected) input(s), got \(inputs.count)")
    }
  }

  /// Whether input `index` is present.
  func has(_ index: Int) -> Bool { index < inputs.count && inputs[index] != nil }

  /// Input `index` as a graph variable (a constant becomes a leaf named as in the file).
  func variable(_ index: Int) throws(ModelImportError) -> Variable {
    guard has(index) else { throw error("input \(index) is missing") }
    switch inputs[index]! {
    case .variable(let variable): return variable
    case .constant(let tensor, let name): return Variable(tensor, name: Self.constantName(tensor, name))
    }
  }

  /// Input `index`, which must be known at import time (shapes, axes, indices, scales, bounds): a
  /// constant, or a leaf such as a float initializer (which then enters the graph only if a
  /// differentiable op takes it too).
  func constant(_ index: Int, _ what: String) throws(ModelImportError) -> Tensor {
    guard has(index) else { throw error("input \(index) (\(what)) is missing") }
    if case .variable(let leaf) = inputs[index]!, leaf.creator == nil { return leaf.data }
    guard case .constant(let tensor, _) = inputs[index]! else {
      throw error(
        "input \(index) (\(what)) must be known without running the model (an initializer or a Constant), "
          + "but it is computed")
    }
    return tensor
  }

  /// Input `index` as integers (shapes, axes, indices).
  func integers(_ index: Int, _ what: String) throws(ModelImportError) -> [Int] {
    try Self.integers(constant(index, what).scalars, what: what, context: self)
  }

  /// A constant's label on the screen: its value for a scalar, otherwise its ONNX name.
  private static func constantName(_ tensor: Tensor, _ name: String) -> String {
    if let value = tensor.scalar, tensor.rank == 0 || name.isEmpty { return formatConstant(value) }
    return name
  }

  // MARK: Attributes

  /// The attribute called `name`, marked as read.
  private mutating func attribute(_ name: String) -> Onnx_AttributeProto? {
    readAttributes.insert(name)
    return node.attribute.first { $0.name == name }
  }

  /// An integer attribute, or `defaultValue`.
  mutating func int(_ name: String, default defaultValue: Int) throws(ModelImportError) -> Int {
    guard let attribute = attribute(name) else { return defaultValue }
    guard attribute.type == .int || attribute.hasI else {
      throw error("attribute \(name) must be an integer")
    }
    return Int(attribute.i)
  }

  /// A float attribute, or `defaultValue`.
  mutating func float(_ name: String, default defaultValue: Double) throws(ModelImportError) -> Double {
    guard let attribute = attribute(name) else { return defaultValue }
    guard attribute.type == .float || attribute.hasF else { throw error("attribute \(name) must be a float") }
    return Double(attribute.f)
  }

  /// An integer-list attribute, or `nil` when absent.
  mutating func ints(_ name: String) throws(ModelImportError) -> [Int]? {
    guard let attribute = attribute(name) else { return nil }
    guard attribute.type == .ints || !attribute.ints.isEmpty else {
      throw error("attribute \(name) must be a list of integers")
    }
    return attribute.ints.map { Int($0) }
  }

  /// A string-list attribute, or `nil` when absent.
  mutating func strings(_ name: String) throws(ModelImportError) -> [String]? {
    guard let attribute = attribute(name) else { return nil }
    guard attribute.type == .strings || !attribute.strings.isEmpty else {
      throw error("attribute \(name) must be a list of strings")
    }
    return attribute.strings.map { String(decoding: $0, as: UTF8.self) }
  }

  /// A float-list attribute, or `nil` when absent.
  mutating func floats(_ name: String) throws(ModelImportError) -> [Double]? {
    guard let attribute = attribute(name) else { return nil }
    guard attribute.type == .floats || !attribute.floats.isEmpty else {
      throw error("attribute \(name) must be a list of floats")
    }
    return attribute.floats.map { Double($0) }
  }

  /// A string attribute, or `defaultValue`.
  mutating func string(_ name: String, default defaultValue: String) throws(ModelImportError) -> String {
    guard let attribute = attribute(name) else { return defaultValue }
    guard attribute.type == .string || attribute.hasS else {
      throw error("attribute \(name) must be a string")
    }
    return String(decoding: attribute.s, as: UTF8.self)
  }

  /// A tensor attribute (a `Constant`'s value), or `nil` when absent.
  mutating func tensor(_ name: String) throws(ModelImportError) -> Tensor? {
    guard let attribute = attribute(name) else { return nil }
    guard attribute.type == .tensor || attribute.hasT else {
      throw error("attribute \(name) must be a tensor")
    }
    return try decoding.tensor(attribute.t, what: "\(location), attribute \(name)")
  }

  /// Throws if the node has an attribute the mapping did not read: one it does not support.
  func checkAllAttributesRead() throws(ModelImportError) {
    if let unread = node.attribute.first(where: { !readAttributes.contains($0.name) }) {
      throw error("attribute \(unread.name) is not supported")
    }
  }

  /// `values` as integers; a non-integer is an error naming `what`.
  static func integers(_ values: [Double], what: String, context: NodeContext) throws(ModelImportError)
    -> [Int]
  {
    var result = [Int]()
    for value in values {
      guard value == value.rounded(), abs(value) < 1e15 else {
        throw context.error("\(what) must be integers, got \(value)")
      }
      result.append(Int(value))
    }
    return result
  }

  // MARK: Helpers for mappings

  /// A negative axis counted from the end of a rank-`rank` tensor, checked to be in range.
  func axis(_ axis: Int, rank: Int) throws(ModelImportError) -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard (0..<max(rank, 1)).contains(resolved) else {
      throw error("axis \(axis) is out of range for rank \(rank)")
    }
    return resolved
  }

  /// The outputs of `function` on `xs`, or an error naming the node when the shapes do not fit.
  func call(_ function: Function, _ xs: [Variable]) throws(ModelImportError) -> Variable {
    do {
      _ = try function.outputShapes(for: xs.map(\.shape))
    } catch {
      throw self.error("\(error) (input shapes \(xs.map { formatShape($0.shape) }.joined(separator: ", ")))")
    }
    return function(xs)[0]
  }
}
