import Autodiff

/// The shared shape of elementwise mappings: a unary op on input 0, a binary op with ONNX's
/// (NumPy's) broadcasting on inputs 0 and 1.
enum Elementwise {
  /// `make()` applied to the node's single input.
  static func unary(_ node: NodeContext, _ make: () -> Function) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    return [.variable(try node.call(make(), [node.variable(0)]))]
  }

  /// `make()` applied to the node's two inputs, broadcast.
  static func binary(_ node: NodeContext, _ make: () -> Function) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    return [.variable(try node.call(make(), [node.variable(0), node.variable(1)]))]
  }
}
