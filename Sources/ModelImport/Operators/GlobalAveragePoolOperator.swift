import Autodiff

/// ONNX `GlobalAveragePool` (`AdaptiveAvgPool2d(1)`): the mean over every axis after (N, C),
/// keeping them as length 1, as Autodiff's `Mean`.
enum GlobalAveragePoolOperator: OnnxOperator {
  static let opType = "GlobalAveragePool"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let x = try node.variable(0)
    guard x.shape.count >= 3 else {
      throw node.error("expected (N, C, …) with rank 3 or more, got \(formatShape(x.shape))")
    }
    return [.variable(try node.call(Mean(axes: Array(2..<x.shape.count), keepDims: true), [x]))]
  }
}
