import Autodiff

/// Calls: `name(argument, …)`, checked against the function's `Builtin.Form`.
extension Parser {
  /// Parses the arguments after `name` (the current token is `(`) and appends the call's node.
  mutating func parseCall(_ name: String, site: SourceRange) throws(ProgramError) -> Operand {
    if name == "grad" {
      if parsingUpdate { return try parseUpdateGradient(site: site) }
      return try parseGradient(site: site)
    }
    guard let form = Builtin.form(of: name) else { throw unknownFunction(name, at: site) }
    advance()
    var arguments = [Operand]()
    var keepDims = false
    while !current.isSymbol(")") && current.kind != .end {
      if keepDims { throw error("keepdims must be the last argument of \(name)", at: current.range) }
      if case .name(let keyword) = current.kind, tokens[position + 1].isSymbol("=") {
        throw keywordArgument(keyword, of: name, at: current.range)
      }
      if case .reduction = form, current.kind == .name("keepdims"),
        [.symbol(")"), .symbol(",")].contains(tokens[position + 1].kind)
      {
        keepDims = true
        advance()
      } else {
        // After the tensor, `pow`, the reductions, `transpose` and the shape functions take
        // constants: fold them.
        let folding = foldingConstants
        switch form {
        case .tensors, .concat: break
        default: foldingConstants = !arguments.isEmpty
        }
        let argument = try parseExpression()
        arguments.append(argument)
        foldingConstants = folding
      }
      guard current.isSymbol(",") else { break }
      advance()
    }
    let close = try expect(")", "expected ')' after arguments, found \(current.quoted)")
    let range = site.through(close.range)
    let (operation, tensors) = try callOperation(name, form, arguments, keepDims: keepDims, site: site)
    return try apply(operation, tensors, site: site, range: range)
  }

  /// The operation a call makes and the arguments it takes as tensors, after checking the arguments.
  func callOperation(
    _ name: String, _ form: Builtin.Form, _ arguments: [Operand], keepDims: Bool, site: SourceRange
  ) throws(ProgramError) -> (Operation, [Operand]) {
    let tensor = Array(arguments.prefix(1))
    switch form {
    case .tensors(let operation):
      try checkCount(name, arguments, exactly: operation.makeFunction().arity ?? arguments.count, site: site)
      return (operation, arguments)
    case .power:
      try checkCount(name, arguments, exactly: 2, site: site)
      guard let exponent = arguments[1].constant else { return (.powVariable, arguments) }
      return (.pow(try finiteExponent(exponent, at: arguments[1].range)), tensor)
    case .reduction(let make):
      let axes = try wholeNumbers(name, arguments, what: "axis", site: site)
      return (make(axes.isEmpty ? nil : axes, keepDims), tensor)
    case .axis(let make):
      let axes = try wholeNumbers(name, arguments, what: "axis", site: site)
      guard axes.count == 1 else {
        throw error(
          "\(name) takes a tensor and one axis, as in \(name)(x, 1); got \(arguments.count) argument"
            + (arguments.count == 1 ? "" : "s"), at: site)
      }
      return (make(axes[0]), tensor)
    case .clip:
      try checkCount(name, arguments, exactly: 3, site: site)
      let bounds = try constants(name, Array(arguments.dropFirst()), what: "bound")
      guard bounds[0] <= bounds[1] else {
        throw error(
          "clip: the lower bound \(formatConstant(bounds[0])) is above the upper bound "
            + "\(formatConstant(bounds[1]))", at: arguments[1].range.through(arguments[2].range))
      }
      return (.clip(bounds[0], bounds[1]), tensor)
    case .concat:
      guard arguments.count >= 2, arguments.last?.constant != nil else {
        throw error(
          "concat takes tensors and then the axis, as in concat(a, b, 0)", at: arguments.last?.range ?? site)
      }
      let axis = try wholeNumbers(
        name, [arguments[0], arguments[arguments.count - 1]], what: "axis", site: site)
      return (.concat(axis: axis[0]), Array(arguments.dropLast()))
    case .transpose:
      let axes = try wholeNumbers(name, arguments, what: "axis", site: site)
      return (.transpose(axes.isEmpty ? nil : axes), tensor)
    case .shape(let make):
      return (make(try wholeNumbers(name, arguments, what: "dimension", site: site)), tensor)
    }
  }

  /// Each argument's value, or an error at the first that is not a finite constant.
  func constants(_ name: String, _ arguments: [Operand], what: String) throws(ProgramError) -> [Double] {
    var values = [Double]()
    for argument in arguments {
      guard let value = argument.constant, value.isFinite else {
        throw error("\(name): each \(what) must be a constant number", at: argument.range)
      }
      values.append(value)
    }
    return values
  }

  /// The error for `name=value` inside a call (Python's keyword arguments, as `dim=1`).
  func keywordArgument(_ keyword: String, of name: String, at range: SourceRange) -> ProgramError {
    let example: String =
      switch Builtin.form(of: name) {
      case .axis?: "\(name)(x, 1)"
      case .reduction?: "\(name)(x, 1) or \(name)(x, 1, keepdims)"
      case .concat?: "concat(a, b, 1)"
      default: "\(name)(x, …)"
      }
    return error(
      "'\(keyword)=' is a keyword argument; GradStep's arguments are plain and in order, as in \(example)",
      at: range)
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
        throw error(
          "\(name): \(what) \(argument.constantText ?? formatConstant(number)) is too large: "
            + "\(what == "axis" ? "an" : "a") \(what) is at most \(Limits.grouped(Limits.integer)) in size",
          at: argument.range)
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
