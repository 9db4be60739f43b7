import Autodiff

/// ONNX `Conv` in 2-d with groups 1, as Autodiff's `Conv2D`, plus the bias (shaped `(1, F, 1, 1)`).
enum ConvOperator: OnnxOperator {
  static let opType = "Conv"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    let x = try node.image()
    let w = try node.variable(1)
    guard try node.int("group", default: 1) == 1 else { throw node.error("only group 1 is supported") }
    let window = try node.window(kernel: w.shape.count == 4 ? Array(w.shape[2...]) : nil)
    let y = try node.call(Conv2D(window), [x, w])
    guard node.has(2) else { return [.variable(y)] }
    let bias = try node.call(Reshape([1, w.shape[0], 1, 1]), [node.variable(2)])
    return [.variable(try node.call(Add(), [y, bias]))]
  }
}
