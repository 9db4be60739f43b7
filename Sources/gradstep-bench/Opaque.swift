/// Values the optimiser cannot see through, so that benchmark loops are not folded away.
enum Opaque {
  /// 0 at run time, but not a constant to the compiler (the argument list is never empty).
  static let zero: Double = CommandLine.arguments.isEmpty ? 1 : 0
}
