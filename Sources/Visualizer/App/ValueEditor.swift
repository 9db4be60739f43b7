/// The one-line editor open on an input: which input, and the text typed for its new value.
public struct ValueEditor: Equatable, Sendable {
  /// The input being edited (an index into `GraphModel.variables`).
  public let variable: Int
  /// The text typed so far, prefilled with the input's value in full precision.
  public internal(set) var line: LineEditor
}
