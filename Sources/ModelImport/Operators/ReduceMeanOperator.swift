import Autodiff

/// ONNX `ReduceMean`, as Autodiff's `Mean`.
enum ReduceMeanOperator: OnnxOperator {
  static let opType = "ReduceMean"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try Reduction.map(&node) { Mean(axes: $0, keepDims: $1) }
  }
}
