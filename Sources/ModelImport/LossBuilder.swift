import Autodiff

/// Builds the loss backward starts from on the model's output, as graph nodes of their own.
enum LossBuilder {
  /// The loss `choice` asks for on `output`.
  static func loss(_ choice: LossChoice, on output: Variable) throws(ModelImportError) -> Variable {
    switch choice {
    case .automatic:
      return output.data.rank == 0 ? output : named(Sum()(output), "sum(output)")
    case .mean:
      return named(Mean()(output), "mean(output)")
    case .meanSquaredError(let target):
      guard Tensor.canBroadcast(target.shape, to: output.shape) else {
        throw ModelImportError(
          "--loss mse: the target has shape \(formatShape(target.shape)), but the output has "
            + formatShape(output.shape))
      }
      let difference = output - Variable(target, name: "target")
      return named(Mean()(Square()(difference)), "mse")
    case .crossEntropy(let labels):
      return named(try crossEntropy(output, labels), "cross_entropy")
    }
  }

  /// Mean over rows of −log softmax(logits)[label]: the log-softmax picked by a constant one-hot
  /// mask, summed and divided by the number of rows.
  private static func crossEntropy(_ logits: Variable, _ labels: [Int]) throws(ModelImportError) -> Variable {
    guard logits.shape.count == 2 else {
      throw ModelImportError(
        "--loss cross_entropy: the output must be logits of shape (N, C), got \(formatShape(logits.shape))")
    }
    let (rows, classes) = (logits.shape[0], logits.shape[1])
    guard labels.count == rows else {
      throw ModelImportError("--loss cross_entropy: \(labels.count) label(s) for \(rows) row(s) of logits")
    }
    if let bad = labels.first(where: { !(0..<classes).contains($0) }) {
      throw ModelImportError("--loss cross_entropy: label \(bad) is not a class index 0..<\(classes)")
    }
    var oneHot = [Double](repeating: 0, count: rows * classes)
    for (row, label) in labels.enumerated() { oneHot[row * classes + label] = 1 }
    let picked =
      LogSoftmax(axis: 1)(logits)
      * Variable(Tensor(shape: [rows, classes], scalars: oneHot), name: "one-hot")
    return -Sum()(picked) / constant(Double(rows))
  }

  /// `variable`, named.
  private static func named(_ variable: Variable, _ name: String) -> Variable {
    variable.name = name
    return variable
  }

  /// A constant leaf named by its value.
  private static func constant(_ value: Double) -> Variable {
    Variable(Tensor(value), name: formatConstant(value))
  }
}
