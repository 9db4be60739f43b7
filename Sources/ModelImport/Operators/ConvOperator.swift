import Autodiff

/// ONNX `Conv` in 2-d or 1-d (run as 2-d of height 1), grouped or not (`group`; depthwise when it
/// equals the channels), as Autodiff's `Conv2D`, plus the bias (shaped `(1, F, 1, 1)` or `(1, F, 1)`).
enum ConvOperator: OnnxOperator {
  static let opType = "Conv"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    let x = try node.variable(0)
    let w = try node.variable(1)
    let groups = try node.int("group", default: 1)
    guard groups >= 1 else { throw node.error("attribute group \(groups) must be at least 1") }
    guard w.shape.count == x.shape.count, w.shape.count >= 3 else {
      throw node.error(
        "expected weights of shape (F, C / group, kernel…) for an input of shape "
          + "\(formatShape(x.shape)), got \(formatShape(w.shape))")
    }
    guard x.shape[1] % groups == 0, w.shape[0] % groups == 0 else {
      throw node.error(
        "attribute group \(groups) does not divide the \(x.shape[1]) input channels and the \(w.shape[0]) filters"
      )
    }
    let context = node
    let y = try node.windowed(x, kernel: Array(w.shape[2...]), pooling: false) {
      x, window, reshaped throws(ModelImportError) in
      let weights = reshaped ? try context.call(Reshape([w.shape[0], w.shape[1], 1, w.shape[2]]), [w]) : w
      return try context.call(Conv2D(window, groups: groups), [x, weights])
    }
    guard node.has(2) else { return [.variable(y)] }
    let shape = [1, w.shape[0]] + Array(repeating: 1, count: y.shape.count - 2)
    let bias = try node.call(Reshape(shape), [node.variable(2)])
    return [.variable(try node.call(Add(), [y, bias]))]
  }
}
