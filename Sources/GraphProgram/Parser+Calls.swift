import Autodiff

/// Calls: `name(argument, …)`, checked against the function's `Builtin.Form`.
extension Parser {
  /// Parses the arguments after `name` (the current token is `(`) and appends the call's node.
  mutating func parseCall(_ name: String, site: SourceRange) throws(ProgramError) -> Operand {
    if name == "grad" {
      guard parsingUpdate else { throw gradientInsideExpression(at: site) }
      return try parseUpdateGradient(site: site)
    }
    guard let form = Builtin.form(of: name) else { throw unknownFunction(name, at: site) }
    advance()
    var arguments = [Operand]()
    var keepDims = false
    while !current.isSymbol(")") && current.kind != .end {
      if keepDims { throw error("keepdims must be the last argument of sum", at: current.range) }
      if case .sum = form, current.kind == .name("keepdims"),
        [.symbol(")"), .symbol(",")].contains(tokens[position + 1].kind)
      {
        keepDims = true
        advance()
      } else {
        // After the tensor, `pow`, `sum`, `transpose` and the shape functions take constants: fold them.
        let folding = foldingConstants
        if case .tensors = form {} else { foldingConstants = !arguments.isEmpty }
        let argument = try parseExpression()
        arguments.append(argument)
        foldingConstants = folding
      }
      guard current.isSymbol(",") else { break }
      advance()
    }
    let close = try expect(")", "expected ')' after arguments, found \(current.quoted)")
    let range = site.through(close.range)
    let operation = try callOperation(name, form, arguments, keepDims: keepDims, site: site)
    let tensors = if case .tensors = form { arguments } else { Array(arguments.prefix(1)) }
    return try apply(operation, tensors, site: site, range: range)
  }

  /// The operation a call makes, after checking its arguments.
  func callOperation(
    _ name: String, _ form: Builtin.Form, _ arguments: [Operand], keepDims: Bool, site: SourceRange
  ) throws(ProgramError) -> Operation {
    switch form {
    case .tensors(let operation):
      try checkCount(name, arguments, exactly: operation.makeFunction().arity ?? arguments.count, site: site)
      return operation
    case .power:
      try checkCount(name, arguments, exactly: 2, site: site)
      return .pow(try constantExponent(arguments[1]))
    case .sum:
      let axes = try wholeNumbers(name, arguments, what: "axis", site: site)
      return .sum(axes: axes.isEmpty ? nil : axes, keepDims: keepDims)
    case .transpose:
      let axes = try wholeNumbers(name, arguments, what: "axis", site: site)
      return .transpose(axes.isEmpty ? nil : axes)
    case .shape(let make):
      return make(try wholeNumbers(name, arguments, what: "dimension", site: site))
    }
  }

  func checkCount(_ name: String, _ arguments: [Operand], exactly count: Int, site: SourceRange)
    throws(ProgramError)
  {
    guard arguments.count == count else {
      throw error("\(name) takes \(count) argument\(count == 1 ? "" : "s"), got \(arguments.count)", at: site)
    }
  }

  /// The whole-number arguments after the first (the tensor): axes or dimensions.
  func wholeNumbers(_ name: String, _ arguments: [Operand], what: String, site: SourceRange)
    throws(ProgramError)
    -> [Int]
  {
    guard !arguments.isEmpty else {
      throw error("\(name) needs at least 1 argument, got 0", at: site)
    }
    var numbers = [Int]()
    for argument in arguments.dropFirst() {
      guard let number = argument.constant, number == number.rounded() else {
        throw error("\(name): each \(what) must be a whole number, like 1 or -1", at: argument.range)
      }
      guard abs(number) <= Double(Limits.integer) else {
        throw error("\(name): \(what) \(formatConstant(number)) is too large", at: argument.range)
      }
      numbers.append(Int(number))
    }
    return numbers
  }

  /// "unknown function", with the closest known name or the list of functions.
  func unknownFunction(_ name: String, at site: SourceRange) -> ProgramError {
    if names[name] != nil {
      return error("'\(name)' is a variable, not a function", at: site)
    }
    if let match = closestMatch(to: name, among: Builtin.names) {
      return error("unknown function '\(name)'; did you mean '\(match)'?", at: site)
    }
    return error(
      "unknown function '\(name)'; functions are \(Builtin.names.joined(separator: ", "))", at: site)
  }
}
