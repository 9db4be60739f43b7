import Autodiff

/// ONNX `ReduceMax`, as Autodiff's `Max` (the gradient split among ties, as PyTorch's `amax`).
enum ReduceMaxOperator: OnnxOperator {
  static let opType = "ReduceMax"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Reduction.map(&node) { Max(axes: $0, keepDims: $1) }
  }
}
