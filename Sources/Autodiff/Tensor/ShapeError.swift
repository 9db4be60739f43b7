/// Two or more shapes that cannot meet in an operation, with the operation's name.
///
/// The description says which shapes met where, for example
/// `Add: cannot broadcast shapes (2, 3) and (4,)`.
public struct ShapeError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The operation that rejected the shapes (`Add`, `MatMul`, `Reshape`, …).
  public var operation: String
  /// The shapes involved, in argument order.
  public var shapes: [[Int]]
  /// What is wrong, in words.
  public var reason: String

  /// Creates an error for `operation`.
  public init(operation: String, shapes: [[Int]], reason: String) {
    self.operation = operation
    self.shapes = shapes
    self.reason = reason
  }

  /// `Operation: reason`.
  public var description: String { "\(operation): \(reason)" }
}
