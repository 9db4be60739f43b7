import Autodiff

/// ONNX `Conv` in 2-d, grouped or not (`group`; depthwise when it equals the channels), as
/// Autodiff's `Conv2D`, plus the bias (shaped `(1, F, 1, 1)`).
enum ConvOperator: OnnxOperator {
  static let opType = "Conv"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    let x = try node.variable(0)
    let w = try node.variable(1)
    let window = try node.window(
      over: x, kernel: w.shape.count == 4 ? Array(w.shape[2...]) : nil, pooling: false)
    let groups = try node.int("group", default: 1)
    guard groups >= 1 else { throw node.error("attribute group \(groups) must be at least 1") }
    guard w.shape.count == 4 else {
      throw node.error("expected weights of shape (F, C / group, kh, kw), got \(formatShape(w.shape))")
    }
    guard x.shape[1] % groups == 0, w.shape[0] % groups == 0 else {
      throw node.error(
        "attribute group \(groups) does not divide the \(x.shape[1]) input channels and the \(w.shape[0]) filters"
      )
    }
    let y = try node.call(Conv2D(window, groups: groups), [x, w])
    guard node.has(2) else { return [.variable(y)] }
    let bias = try node.call(Reshape([1, w.shape[0], 1, 1]), [node.variable(2)])
    return [.variable(try node.call(Add(), [y, bias]))]
  }
}
