/// What few variables have, behind one optional reference so that the others stay small (a
/// variable is made per op, and every stored property costs the hot path): a name, and where a
/// backward pass with `createGraph: true` keeps gradients as variables (see
/// `Variable+GradVariable.swift`).
final class VariableExtras {
  /// The variable's name.
  var name: String?
  /// This variable's gradient as a variable; weak (the pass's output owns it).
  weak var gradient: Variable?
  /// The gradient variables kept by passes started from this variable, by the variable each is the
  /// gradient of.
  var owned: [ObjectIdentifier: Variable] = [:]

  /// Extras holding `name` only.
  init(name: String?) {
    self.name = name
  }
}

extension Variable {
  /// This variable's extras, made on first use.
  func extras() -> VariableExtras {
    if let extras = _extras { return extras }
    let extras = VariableExtras(name: nil)
    _extras = extras
    return extras
  }
}
