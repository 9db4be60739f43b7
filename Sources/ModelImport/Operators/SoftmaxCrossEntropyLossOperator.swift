import Autodiff

/// ONNX `SoftmaxCrossEntropyLoss` (`F.cross_entropy` inside a model): `LogSoftmax` over the
/// classes, then `ClassificationLoss`; the optional second output is the log-probabilities.
enum SoftmaxCrossEntropyLossOperator: OnnxOperator {
  static let opType = "SoftmaxCrossEntropyLoss"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    let scores = try node.variable(0)
    guard scores.shape.count >= 2 else {
      throw node.error("expected scores (N, C), got \(formatShape(scores.shape))")
    }
    let logProbabilities = try node.call(LogSoftmax(axis: 1), [scores])
    let loss = try ClassificationLoss.loss(&node, logProbabilities: logProbabilities)
    return [.variable(loss), .variable(logProbabilities)]
  }
}
