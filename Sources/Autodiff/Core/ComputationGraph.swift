/// The functions and variables that lead to some outputs, in a fixed evaluation order.
///
/// Functions are in topological order (every function after the creators of its inputs), found by a
/// depth-first walk from the outputs that visits inputs in argument order; variables are in order of
/// first appearance (each function's inputs, then its outputs). The walk is iterative, so a
/// 1,000,000-function chain is fine, and it depends on nothing but the graph's structure.
public struct ComputationGraph {
  /// The functions, in an order in which they could have been evaluated.
  public let functions: [Function]
  /// Every variable reached, leaves included.
  public let variables: [Variable]
  /// The variables the walk started from.
  public let outputs: [Variable]

  /// Walks the graph that produced `outputs`.
  public init(outputs: [Variable]) {
    self.init(outputs: outputs, stoppingAt: [])
  }

  /// Walks the graph that produced `outputs`, taking the variables of `boundary` as leaves: the
  /// functions that made them and everything before are left out (they are still listed among
  /// `variables` where a function reached uses them). Stopping at the forward graph's variables
  /// gives the graph a backward pass with `createGraph: true` recorded on top of it.
  public init(outputs: [Variable], stoppingAt boundary: [Variable]) {
    self.outputs = outputs
    let stops = Set(boundary.map(ObjectIdentifier.init))
    func creatorInside(_ variable: Variable) -> Function? {
      stops.contains(ObjectIdentifier(variable)) ? nil : variable.creator
    }
    var order = [Function]()
    var visited = Set<ObjectIdentifier>()
    var stack = [(function: Function, nextInput: Int)]()
    for output in outputs {
      guard let creator = creatorInside(output), visited.insert(ObjectIdentifier(creator)).inserted else {
        continue
      }
      stack.append((creator, 0))
      while let (function, nextInput) = stack.last {
        if nextInput == function.inputCount {
          order.append(function)
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].nextInput += 1
        if let creator = creatorInside(function.input(at: nextInput)),
          visited.insert(ObjectIdentifier(creator)).inserted
        {
          stack.append((creator, 0))
        }
      }
    }
    functions = order
    var seen = Set<ObjectIdentifier>()
    var variables = [Variable]()
    func add(_ variable: Variable) {
      if seen.insert(ObjectIdentifier(variable)).inserted { variables.append(variable) }
    }
    for function in order {
      function.inputs.forEach(add)
      function.outputs.compactMap { $0 }.forEach(add)
    }
    outputs.forEach(add)
    self.variables = variables
  }

  /// Walks the graph that produced `output`.
  public init(output: Variable) {
    self.init(outputs: [output])
  }
}

extension ComputationGraph {
  /// The outputs' values when `leaves` hold `values` instead of their data, computed by replaying
  /// every function's `forward` in order; no variable is changed.
  public func evaluate(replacing leaves: [Variable], with values: [Tensor]) -> [Tensor] {
    let current = replay(replacing: leaves, with: values)
    return outputs.map { current[ObjectIdentifier($0)] ?? $0.data }
  }

  /// The first function (in evaluation order) that turns finite inputs into a value that is not
  /// finite when `leaves` hold `values` (`Log` at −1e-7), replaying as `evaluate` does; with no
  /// values, on the data the variables hold.
  public func firstLeavingDomain(replacing leaves: [Variable] = [], with values: [Tensor] = []) -> Function? {
    var found: Function?
    replay(replacing: leaves, with: values) { function, xs, ys in
      let finite = { (tensor: Tensor) in tensor.scalars.allSatisfy(\.isFinite) }
      guard xs.allSatisfy(finite), !ys.allSatisfy(finite) else { return false }
      found = function
      return true
    }
    return found
  }

  /// Replays the functions' `forward` in order with `values` for `leaves` (other variables keep
  /// their data) until `stop` (given each function, its inputs and its outputs) says so, and
  /// returns the values computed by variable.
  @discardableResult
  private func replay(
    replacing leaves: [Variable], with values: [Tensor],
    until stop: (Function, [Tensor], [Tensor]) -> Bool = { _, _, _ in false }
  ) -> [ObjectIdentifier: Tensor] {
    var current = [ObjectIdentifier: Tensor]()
    for (leaf, value) in zip(leaves, values) { current[ObjectIdentifier(leaf)] = value }
    for function in functions {
      let xs = function.inputs.map { current[ObjectIdentifier($0)] ?? $0.data }
      let ys = function.forward(xs)
      for (output, y) in zip(function.outputs, ys) {
        if let output { current[ObjectIdentifier(output)] = y }
      }
      if stop(function, xs, ys) { break }
    }
    return current
  }
}

extension Function {
  /// The function's name as a domain is named: `log`, `sqrt`, `div`.
  public var domainName: String { name.lowercased() }
}
