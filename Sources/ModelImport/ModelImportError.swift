/// Why a model could not be imported, in words that say what and where: the file, the node (its
/// name and op type), the input or attribute.
public struct ModelImportError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The whole message, without a trailing newline.
  public let message: String

  /// An error with `message`.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
