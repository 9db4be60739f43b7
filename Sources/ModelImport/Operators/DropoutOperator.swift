import Autodiff

/// ONNX `Dropout` as at inference (the model exported in eval mode): the input, passed on; the
/// optional mask output is all ones.
enum DropoutOperator: OnnxOperator {
  static let opType = "Dropout"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 3)
    _ = try node.int("seed", default: 0)
    if node.has(2), try node.constant(2, "training_mode").scalars.contains(where: { $0 != 0 }) {
      throw node.error("training_mode is on; export the model in eval mode (model.eval())")
    }
    let x = node.inputs[0]!
    let mask = Value.constant(Tensor(repeating: 1, shape: x.shape), name: "mask")
    return [x, mask]
  }
}
