import Autodiff

/// ONNX `BatchNormalization` in inference mode (a model exported with `model.eval()`): (x − mean)
/// / sqrt(var + epsilon) · scale + B per channel (axis 1), with the running mean and variance,
/// composed of `Sub`, `Add`, `Sqrt`, `Div`, `Mul`. The running statistics are buffers, as in PyTorch:
/// leaves that are not parameters and take no gradient (see `Buffers`).
enum BatchNormalizationOperator: OnnxOperator {
  static let opType = "BatchNormalization"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(5)
    guard try node.int("training_mode", default: 0) == 0, node.node.output.count == 1 else {
      throw node.error(
        "only inference mode is supported (export the model after model.eval()): training_mode "
          + "and the running-statistics outputs are not")
    }
    let epsilon = try node.float("epsilon", default: 1e-5)
    _ = try node.float("momentum", default: 0.9)
    let x = try node.variable(0)
    guard x.shape.count >= 2 else { throw node.error("expected (N, C, …), got \(formatShape(x.shape))") }
    let perChannel = [x.shape[1]] + Array(repeating: 1, count: x.shape.count - 2)
    func channel(_ index: Int) throws(ModelImportError) -> Variable {
      let value = try node.variable(index)
      guard value.data.count == x.shape[1] else {
        throw node.error("input \(index) has \(value.data.count) values for \(x.shape[1]) channels")
      }
      return value.shape == perChannel ? value : try node.call(Reshape(perChannel), [value])
    }
    let centred = try node.call(Sub(), [x, try channel(3)])
    let shifted = try node.call(
      Add(), [try channel(4), Variable(Tensor(epsilon), name: formatConstant(epsilon))])
    let normalized = try node.call(Div(), [centred, try node.call(Sqrt(), [shifted])])
    let scaled = try node.call(Mul(), [normalized, try channel(1)])
    return [.variable(try node.call(Add(), [scaled, try channel(2)]))]
  }
}
