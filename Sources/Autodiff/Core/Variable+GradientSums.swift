// Counting, before a backward pass runs, how many gradients it will have to sum.
extension Variable {
  /// How many times a backward pass from this variable adds a gradient to one an input already
  /// received: each input of each function that leads here receives one gradient per use, and all
  /// but the first are sums (with `createGraph: true`, each a recorded `Add` with a new output).
  ///
  /// One walk of the graph, reading deferred creators as records without making their function
  /// objects, so it costs far less than the pass; for a caller that must refuse a pass that would
  /// record too many variables before running it.
  public var gradientSumsInBackwardPass: Int {
    var received = 0
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
    var visitedFunctions = Set<ObjectIdentifier>()
    var stack = [self]
    func receive(_ input: Variable) {
      received += 1
      if visited.insert(ObjectIdentifier(input)).inserted { stack.append(input) }
    }
    while let variable = stack.popLast() {
      if let creator = variable._creator {
        guard visitedFunctions.insert(ObjectIdentifier(creator)).inserted else { continue }
        if let input = creator.firstInput { receive(input) }
        if let input = creator.secondInput { receive(input) }
        creator.laterInputs.forEach(receive)
      } else if let deferred = variable._deferred {
        deferred.first._withUnsafeGuaranteedRef(receive)
        deferred.second?._withUnsafeGuaranteedRef(receive)
      }
    }
    // Every variable reached but this one is an input (a graph has no cycles).
    return received - (visited.count - 1)
  }
}
