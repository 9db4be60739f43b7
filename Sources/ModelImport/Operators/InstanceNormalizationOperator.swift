import Autodiff

/// ONNX `InstanceNormalization` (what `nn.GroupNorm` and `nn.InstanceNorm2d` export):
/// (x − mean) / sqrt(var + epsilon) · scale + B over the axes after (N, C), scale and B per
/// channel, composed of `Mean`, `Sub`, `Square`, `Add`, `Sqrt`, `Div`, `Mul`.
enum InstanceNormalizationOperator: OnnxOperator {
  static let opType = "InstanceNormalization"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(3)
    let epsilon = try node.float("epsilon", default: 1e-5)
    let x = try node.variable(0)
    guard x.shape.count >= 3 else {
      throw node.error("expected (N, C, …) of rank 3 or more, got \(formatShape(x.shape))")
    }
    let axes = Array(2..<x.shape.count)
    let perChannel = [x.shape[1]] + Array(repeating: 1, count: x.shape.count - 2)
    let centred = try node.call(Sub(), [x, try node.call(Mean(axes: axes, keepDims: true), [x])])
    let variance = try node.call(Mean(axes: axes, keepDims: true), [try node.call(Square(), [centred])])
    let shifted = try node.call(Add(), [variance, Variable(Tensor(epsilon), name: formatConstant(epsilon))])
    let normalized = try node.call(Div(), [centred, try node.call(Sqrt(), [shifted])])
    var channel = [Variable]()
    for index in 1...2 {
      let value = try node.variable(index)
      guard value.data.count == x.shape[1] else {
        throw node.error("input \(index) has \(value.data.count) values for \(x.shape[1]) channels")
      }
      channel.append(try node.call(Reshape(perChannel), [value]))
    }
    return [.variable(try node.call(Add(), [try node.call(Mul(), [normalized, channel[0]]), channel[1]]))]
  }
}
