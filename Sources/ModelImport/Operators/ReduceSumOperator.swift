import Autodiff

/// ONNX `ReduceSum`, as Autodiff's `Sum`.
enum ReduceSumOperator: OnnxOperator {
  static let opType = "ReduceSum"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Reduction.map(&node) { Sum(axes: $0, keepDims: $1) }
  }
}
