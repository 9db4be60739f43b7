import Autodiff

/// ONNX `ConvTranspose` in 2-d (`nn.ConvTranspose2d`, decoders and GANs), group 1: the input
/// spread out by the stride (zeros between its elements, by `Reshape` and `Concat`), then a
/// `Conv2D` with the kernel flipped and its channel axes swapped (`GetItem`, `Transpose`), padded
/// by dilation · (kernel − 1) − pads on each side (plus `output_padding` at the end), plus the bias.
enum ConvTransposeOperator: OnnxOperator {
  static let opType = "ConvTranspose"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2, 3)
    var x = try node.variable(0)
    let w = try node.variable(1)
    guard x.shape.count == 4, w.shape.count == 4, w.shape[0] == x.shape[1] else {
      throw node.error(
        "expected x (N, C, H, W) and weights (C, F, kh, kw), got \(formatShape(x.shape)) and \(formatShape(w.shape)) "
          + "(only 2-d is supported)")
    }
    guard try node.int("group", default: 1) == 1 else {
      throw node.error("attribute group is not supported (only 1)")
    }
    guard try node.string("auto_pad", default: "NOTSET") == "NOTSET" else {
      throw node.error("attribute auto_pad is not supported (only explicit pads)")
    }
    guard try node.ints("output_shape") == nil else {
      throw node.error("attribute output_shape is not supported")
    }
    let kernel = try node.ints("kernel_shape") ?? Array(w.shape[2...])
    guard kernel == Array(w.shape[2...]) else {
      throw node.error("kernel_shape \(kernel) does not match the weights")
    }
    let strides = try pairs(&node, "strides", default: [1, 1])
    let dilations = try pairs(&node, "dilations", default: [1, 1])
    let extra = try pairs(&node, "output_padding", default: [0, 0])
    let pads = try node.ints("pads") ?? [0, 0, 0, 0]
    guard pads.count == 4 else { throw node.error("attribute pads \(pads) must have 4 entries") }
    var padding = [Int]()
    for side in 0..<4 {
      let axis = side % 2
      padding.append(dilations[axis] * (kernel[axis] - 1) - pads[side] + (side >= 2 ? extra[axis] : 0))
    }
    guard padding.allSatisfy({ $0 >= 0 }) else {
      throw node.error("pads \(pads) larger than dilation · (kernel − 1) are not supported")
    }
    for axis in 0..<2 where strides[axis] > 1 { x = try spread(x, axis: 2 + axis, by: strides[axis], node) }
    let flipped = try node.call(
      GetItem([.all, .all, .slice(start: nil, stop: nil, step: -1), .slice(start: nil, stop: nil, step: -1)]),
      [w])
    let filters = try node.call(Transpose([1, 0, 2, 3]), [flipped])
    let window = Window2D(kernel: kernel, padding: padding, dilation: dilations)
    let y = try node.call(Conv2D(window), [x, filters])
    guard node.has(2) else { return [.variable(y)] }
    let bias = try node.call(Reshape([1, w.shape[1], 1, 1]), [node.variable(2)])
    return [.variable(try node.call(Add(), [y, bias]))]
  }

  /// A 2-entry attribute, or `defaultValue`.
  private static func pairs(_ node: inout NodeContext, _ name: String, default defaultValue: [Int])
    throws(ModelImportError) -> [Int]
  {
    let values = try node.ints(name) ?? defaultValue
    guard values.count == 2 else { throw node.error("attribute \(name) \(values) must have 2 entries") }
    return values
  }

  /// `x` with `stride − 1` zeros between neighbours along `axis` (length L → (L − 1) · stride + 1).
  private static func spread(_ x: Variable, axis: Int, by stride: Int, _ node: NodeContext)
    throws(ModelImportError) -> Variable
  {
    var split = x.shape
    split.insert(1, at: axis + 1)
    var zeros = split
    zeros[axis + 1] = stride - 1
    let column = try node.call(Reshape(split), [x])
    let padded = try node.call(
      Concat(axis: axis + 1), [column, Variable(Tensor(repeating: 0, shape: zeros), name: "0")])
    var joined = x.shape
    joined[axis] *= stride
    let flat = try node.call(Reshape(joined), [padded])
    var items = Array(repeating: IndexItem.all, count: axis + 1)
    items[axis] = .slice(start: 0, stop: (x.shape[axis] - 1) * stride + 1, step: 1)
    return try node.call(GetItem(items), [flat])
  }
}
