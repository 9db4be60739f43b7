/// The `backward` and `cleargrad` lines, which come after every computation.
extension Parser {
  /// Whether the statement starting with `name` is a `backward` or `cleargrad` line.
  static func isPassStatement(_ name: String) -> Bool { name == "backward" || name == "cleargrad" }

  /// `backward` or `cleargrad`, after the word (at `site`).
  mutating func parsePassStatement(_ name: String, site: SourceRange) throws(ProgramError) {
    try expectEndOfStatement(expecting: "';' or end of line after '\(name)' (it takes no arguments)")
    let statement: PassStatement = name == "backward" ? .backward : .cleargrad
    if statement == .cleargrad {
      guard let last = passStatements.last else {
        throw error("cleargrad before any backward: there are no gradients to clear yet", at: site)
      }
      guard last.statement == .backward else {
        throw error(
          "cleargrad twice in a row (first at \(last.site.line):\(last.site.column)): the gradients are "
            + "already clear", at: site)
      }
    }
    passStatements.append((statement, site))
  }

  /// Throws when a computation comes after the first `backward` line (at `site`, the name assigned).
  func checkNoPassStatementYet(assigning name: String, site: SourceRange) throws(ProgramError) {
    guard let first = passStatements.first else { return }
    throw error(
      "'\(name) = …' comes after '\(first.statement == .backward ? "backward" : "cleargrad")' at "
        + "\(first.site.line):\(first.site.column): put every computation before the first backward",
      at: site)
  }

  /// The statements as written, or one `backward` when there are none; throws when the last one is
  /// a `cleargrad` (it would leave nothing to show).
  func resolvePassStatements() throws(ProgramError) -> [PassStatement] {
    guard let last = passStatements.last else { return [.backward] }
    guard last.statement == .backward else {
      throw error(
        "the program ends with cleargrad: add a 'backward' line after it, or remove it", at: last.site)
    }
    return passStatements.map(\.statement)
  }
}
