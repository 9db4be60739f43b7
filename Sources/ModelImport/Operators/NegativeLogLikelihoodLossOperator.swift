import Autodiff

/// ONNX `NegativeLogLikelihoodLoss` (`F.nll_loss`, after a `LogSoftmax`): `ClassificationLoss` on
/// the given log-probabilities.
enum NegativeLogLikelihoodLossOperator: OnnxOperator {
  static let opType = "NegativeLogLikelihoodLoss"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    return [.variable(try ClassificationLoss.loss(&node, logProbabilities: try node.variable(0)))]
  }
}
