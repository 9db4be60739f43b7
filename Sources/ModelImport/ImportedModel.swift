import Autodiff

/// An ONNX model as an Autodiff graph whose forward pass has run: what the timeline, the screens and
/// the exports need, as a parsed program gives them.
public struct ImportedModel {
  /// Where backward starts: the loss (the model's output when it is a scalar, otherwise a loss
  /// built on it, drawn as nodes of its own).
  public let loss: Variable
  /// The model's (first) output.
  public let output: Variable
  /// Every function in the order the nodes ran (a node may map onto several functions).
  public let functionOrder: [Function]
  /// The graph inputs, as leaves named as in the file, in file order.
  public let inputs: [Variable]
  /// The parameters (float initializers that are not buffers, see `Buffers`), as leaves named as in
  /// the file, in the order the graph first uses them. Buffers are leaves of the graph too, named
  /// and with their values, but not listed here: a session should give them no gradient.
  public let parameters: [Variable]
  /// For each function (by `ObjectIdentifier`), the ONNX node it came from: name, op type and
  /// attributes, as the inspector shows them.
  public let origins: [ObjectIdentifier: String]
  /// Notes for the screen and JSON: inputs filled with a pattern (and how to set them), outputs
  /// beyond the first that are not drawn.
  public let notes: [String]
}
