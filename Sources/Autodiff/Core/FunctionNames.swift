import Synchronization

/// Each function class's name, worked out once: `String(describing:)` on a type costs thousands of
/// instructions, and a frame of a large graph asks for the names of thousands of functions.
enum FunctionNames {
  private static let names = Mutex<[ObjectIdentifier: String]>([:])

  /// The name of `type` as `String(describing:)` gives it (`Square`).
  static func name(of type: Function.Type) -> String {
    let key = ObjectIdentifier(type)
    if let known = names.withLock({ $0[key] }) { return known }
    let name = String(describing: type)
    names.withLock { $0[key] = name }
    return name
  }
}
