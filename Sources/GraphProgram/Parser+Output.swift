/// Choosing the program's output: the `output` line's name, or else the last assigned name.
extension Parser {
  /// The output node, or an error when there is nothing to compute or the `output` name is unknown.
  func resolveOutput() throws(ProgramError) -> Int {
    if let (name, site, _) = outputLine {
      guard let entry = names[name] else {
        var message = "output names '\(name)', which is never assigned"
        if let match = suggestedName(for: name) { message += "; did you mean '\(match)'?" }
        throw error(message, at: site)
      }
      guard !isInput(entry.node) else {
        throw error("nothing to compute: the output '\(name)' is an input", at: site)
      }
      return entry.node
    }
    guard let last = assignedNames.last, let entry = names[last] else {
      throw error(
        "nothing to compute: the program has no statements", at: SourceRange(line: 1, column: 1, length: 1))
    }
    guard isInput(entry.node) else { return entry.node }
    let message =
      ir.inputs.count == ir.nodes.count
      ? "nothing to compute: the program only declares inputs; add a line such as 'y = square(\(last))'"
      : "nothing to compute: the output '\(last)' (the last assigned name) is an input; "
        + "add a line 'output NAME' to choose another"
    throw error(message, at: entry.site)
  }

  private func isInput(_ node: Int) -> Bool {
    if case .input = ir.nodes[node].kind { return true }
    return false
  }
}
