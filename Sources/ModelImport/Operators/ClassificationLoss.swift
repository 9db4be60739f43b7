import Autodiff

/// The shared part of ONNX's `SoftmaxCrossEntropyLoss` (`F.cross_entropy`) and
/// `NegativeLogLikelihoodLoss` (`F.nll_loss`) on scores `(N, C)`: the log-probability of each
/// row's label (labels known at import time, rows labelled `ignore_index` left out), negated, then
/// averaged (`reduction` mean, the default), summed, or kept per row (none), composed of `GetItem`
/// with paired lists, `Neg`, `Mean` or `Sum`. Class weights and scores of rank 3 or more are refused.
enum ClassificationLoss {
  /// The loss on `logProbabilities` (the node's input 0 after `LogSoftmax`, or as given).
  static func loss(_ node: inout NodeContext, logProbabilities: Variable) throws(ModelImportError) -> Variable
  {
    let reduction = try node.string("reduction", default: "mean")
    guard ["mean", "sum", "none"].contains(reduction) else {
      throw node.error("attribute reduction \(reduction) must be mean, sum or none")
    }
    let ignored = try node.int("ignore_index", default: Int.min)
    guard !node.has(2) else { throw node.error("input 2 (class weights) is not supported") }
    let shape = logProbabilities.shape
    guard shape.count == 2 else {
      throw node.error(
        "expected scores of shape (N, C), got \(formatShape(shape)) (more axes are not supported)")
    }
    let labels = try node.integers(1, "labels")
    guard labels.count == shape[0] else {
      throw node.error("\(labels.count) labels for \(shape[0]) rows of scores")
    }
    let rows = labels.indices.filter { labels[$0] != ignored }
    if let bad = rows.first(where: { !(0..<shape[1]).contains(labels[$0]) }) {
      throw node.error("label \(labels[bad]) of row \(bad) is not a class of \(shape[1])")
    }
    guard !rows.isEmpty else {
      throw node.error("every label is ignore_index \(ignored): the loss is undefined")
    }
    guard reduction != "none" || rows.count == labels.count else {
      throw node.error("reduction none with ignored labels is not supported")
    }
    let picked = try node.call(
      GetItem([.indices(rows), .indices(rows.map { labels[$0] })]), [logProbabilities])
    let losses = try node.call(Neg(), [picked])
    switch reduction {
    case "mean": return try node.call(Mean(axes: [0], keepDims: false), [losses])
    case "sum": return try node.call(Sum(axes: [0], keepDims: false), [losses])
    default: return losses
    }
  }
}
