import Autodiff

/// ONNX model bytes → an Autodiff graph with its forward pass run: initializers become parameters,
/// graph inputs get values, each node runs through its operator's mapping, and the loss is built.
public enum ModelImporter {
  /// Imports the model in `bytes`; `name` names the file in errors.
  ///
  /// - Throws: `ModelImportError` saying what and where: a file that is not an ONNX model, an
  ///   unsupported operator (with its node and the supported list), a bad attribute, an input value
  ///   of the wrong shape, missing external data.
  public static func load(bytes: [UInt8], name: String, options: ImportOptions = ImportOptions())
    throws(ModelImportError) -> ImportedModel
  {
    let model = try ModelDecoding.decode(bytes, name: name)
    var importer = GraphImporter(graph: model.graph, decoding: TensorDecoding(directory: options.directory))
    try importer.loadInitializers()
    try importer.loadInputs(options.inputValues)
    try importer.runNodes()
    let output = try importer.output()
    let loss = try LossBuilder.loss(options.loss, on: output)
    importer.recordFunctions(producing: [loss], origin: nil)
    return ImportedModel(
      loss: loss, output: output, functionOrder: importer.functionOrder, inputs: importer.inputs,
      parameters: importer.parametersInUseOrder(), origins: importer.origins, notes: importer.notes)
  }

  /// Every ONNX operator the importer maps, sorted.
  public static var supportedOperators: [String] { OperatorRegistry.operators.map { $0.opType }.sorted() }
}

/// The state of one import: the values by ONNX name, the functions in the order they ran, and where
/// each came from.
struct GraphImporter {
  let graph: Onnx_GraphProto
  let decoding: TensorDecoding
  private(set) var values: [String: Value] = [:]
  private(set) var inputs: [Variable] = []
  private(set) var parameters: [Variable] = []
  private(set) var functionOrder: [Function] = []
  private(set) var origins: [ObjectIdentifier: String] = [:]
  private(set) var notes: [String] = []
  private var seen = Set<ObjectIdentifier>()

  init(graph: Onnx_GraphProto, decoding: TensorDecoding) {
    self.graph = graph
    self.decoding = decoding
  }

  /// Float initializers become leaves named as in the file, parameters unless they are buffers
  /// (`Buffers`); integer ones are constants (shapes, indices).
  mutating func loadInitializers() throws(ModelImportError) {
    let buffers = Buffers.names(in: graph)
    for initializer in graph.initializer {
      let tensor = try decoding.tensor(initializer, what: "initializer '\(initializer.name)'")
      let type = Onnx_TensorProto.DataType(rawValue: Int(initializer.dataType))
      if type == .float || type == .double || type == .float16 {
        let variable = Variable(tensor, name: initializer.name)
        if !buffers.contains(initializer.name) { parameters.append(variable) }
        seen.insert(ObjectIdentifier(variable))
        values[initializer.name] = .variable(variable)
      } else {
        values[initializer.name] = .constant(tensor, name: initializer.name)
      }
    }
  }

  /// Graph inputs that are not initializers become leaves with the given values or the pattern;
  /// integer and bool ones (a text model's tokens, a padding mask) become constants, as they are
  /// not differentiable.
  mutating func loadInputs(_ given: [String: Tensor]) throws(ModelImportError) {
    let graphInputs = graph.input.filter { values[$0.name] == nil }
    let names = Set(graphInputs.map(\.name))
    if let unknown = given.keys.sorted().first(where: { !names.contains($0) }) {
      let list = graphInputs.map { "\($0.name) \(GraphInputs.describe($0))" }.joined(separator: ", ")
      throw ModelImportError(
        "there is no graph input '\(unknown)' (the inputs: \(list.isEmpty ? "none" : list))")
    }
    for (index, input) in graphInputs.enumerated() {
      let elementType = input.type.tensorType.elemType
      let isInteger = GraphInputs.integerTypes.contains(elementType)
      guard isInteger || GraphInputs.floatTypes.contains(elementType) else {
        throw ModelImportError(
          "input '\(input.name)': element type \(TensorDecoding.typeName(elementType)) is not supported "
            + "(float32, float64, float16, int32, int64 or bool inputs)")
      }
      if isInteger {
        let (tensor, note) = try GraphInputs.integerValue(for: input, given: given[input.name])
        values[input.name] = .constant(tensor, name: input.name)
        if let note { notes.append(note) }
        continue
      }
      let (tensor, note) = try GraphInputs.value(for: input, index: index, given: given[input.name])
      let variable = Variable(tensor, name: input.name)
      inputs.append(variable)
      seen.insert(ObjectIdentifier(variable))
      values[input.name] = .variable(variable)
      if let note { notes.append(note) }
    }
  }

  /// Runs every node in file order (ONNX requires topological order) through its mapping.
  mutating func runNodes() throws(ModelImportError) {
    for (index, node) in graph.node.enumerated() {
      guard let mapping = OperatorRegistry.mapping(for: node.opType) else {
        throw ModelImportError(
          "\(NodeContext.location(of: node, index: index)): operator \(node.opType) is not supported "
            + "(supported: \(OperatorRegistry.supportedList))")
      }
      var inputValues = [Value?]()
      for name in node.input {
        if name.isEmpty {
          inputValues.append(nil)
          continue
        }
        guard let value = values[name] else {
          throw ModelImportError(
            "\(NodeContext.location(of: node, index: index)): input '\(name)' is not produced before it")
        }
        inputValues.append(value)
      }
      var context = NodeContext(node: node, inputs: inputValues, decoding: decoding)
      let folds = node.opType != "Constant" && inputValues.allSatisfy { $0?.isConstant ?? true }
      let outputs =
        try folds
        ? withNoGrad { () throws(ModelImportError) in try mapping.map(&context) } : mapping.map(&context)
      try context.checkAllAttributesRead()
      for (position, name) in node.output.enumerated() where !name.isEmpty {
        guard position < outputs.count else {
          throw context.error("output \(position) (\(name)) is not supported")
        }
        values[name] = folds ? .constant(outputs[position].data, name: name) : outputs[position]
      }
      if let note = Self.fixedAtImport(node, inputs: inputValues, outputs: outputs, index: index) {
        notes.append(note)
      }
      // A folded node's variables are temporary: recording them would keep the identifiers of
      // objects about to be freed in `seen`, where a later variable or function could reuse them.
      guard !folds else { continue }
      let produced = outputs.compactMap { if case .variable(let v) = $0 { v } else { nil } }
      recordFunctions(producing: produced, origin: NodeOrigin.describe(node, index: index))
    }
  }

  /// A note when the node turned computed values into a constant (a comparison, a cast to
  /// integers, `Where`'s condition): right for this forward pass and its backward (no gradient
  /// flows there), but editing an input replays only the functions, not this node.
  static func fixedAtImport(_ node: Onnx_NodeProto, inputs: [Value?], outputs: [Value], index: Int) -> String?
  {
    func computed(_ value: Value?) -> Bool {
      if case .variable(let variable) = value, variable.creator != nil { return true }
      return false
    }
    let constantFromComputed =
      node.opType != "Shape" && outputs.contains { $0.isConstant } && inputs.contains(where: computed)
    guard constantFromComputed || (node.opType == "Where" && computed(inputs.first ?? nil)) else {
      return nil
    }
    return "\(NodeContext.location(of: node, index: index)) reads computed values at import (its result "
      + "carries no gradient): editing an input does not recompute it"
  }

  /// The graph's first output (the others are noted, not drawn), named as in the file.
  mutating func output() throws(ModelImportError) -> Variable {
    let first = graph.output[0]
    guard let value = values[first.name] else {
      throw ModelImportError("the graph output '\(first.name)' is not produced by any node")
    }
    guard case .variable(let variable) = value else {
      throw ModelImportError(
        "the graph output '\(first.name)' is a constant: it depends on no input or parameter")
    }
    if graph.output.count > 1 {
      notes.append(
        "outputs \(graph.output.dropFirst().map(\.name).joined(separator: ", ")) are not drawn; "
          + "backward starts from \(first.name)")
    }
    if variable.creator != nil, variable.name == nil { variable.name = first.name }
    return variable
  }

  /// Appends the functions that produced `outputs` and were not seen before, inputs first, and
  /// records their origin.
  mutating func recordFunctions(producing outputs: [Variable], origin: String?) {
    var stack = outputs.map { ($0, false) }
    while let (variable, expanded) = stack.popLast() {
      guard let function = variable.creator else {
        seen.insert(ObjectIdentifier(variable))
        continue
      }
      if expanded {
        guard !seen.contains(ObjectIdentifier(function)) else { continue }
        seen.insert(ObjectIdentifier(function))
        functionOrder.append(function)
        if let origin { origins[ObjectIdentifier(function)] = origin }
        for output in function.outputs.compactMap({ $0 }) { seen.insert(ObjectIdentifier(output)) }
        continue
      }
      guard !seen.contains(ObjectIdentifier(variable)), !seen.contains(ObjectIdentifier(function)) else {
        continue
      }
      stack.append((variable, true))
      for input in function.inputs where !seen.contains(ObjectIdentifier(input)) {
        stack.append((input, false))
      }
    }
  }

  /// The parameters in the order the functions first take them; unused ones are left out (they
  /// are not in the graph).
  func parametersInUseOrder() -> [Variable] {
    let parameterIDs = Set(parameters.map(ObjectIdentifier.init))
    var ordered = [Variable]()
    var added = Set<ObjectIdentifier>()
    for function in functionOrder {
      for input in function.inputs where parameterIDs.contains(ObjectIdentifier(input)) {
        if added.insert(ObjectIdentifier(input)).inserted { ordered.append(input) }
      }
    }
    return ordered
  }
}
