import Autodiff

/// ONNX `Unsqueeze`: inserts axes of length 1 at the given positions of the output; as `Reshape`.
enum UnsqueezeOperator: OnnxOperator {
  static let opType = "Unsqueeze"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 2)
    let x = try node.variable(0)
    let rank = x.shape.count
    var added = try node.ints("axes")?.count ?? 0
    if added == 0, node.has(1) { added = try node.constant(1, "axes").count }
    guard let axes = try node.axes(input: 1, rank: rank + added) else {
      throw node.error("axes are missing")
    }
    var target = x.shape
    for axis in axes { target.insert(1, at: axis) }
    return [.variable(try node.call(Reshape(target), [x]))]
  }
}
