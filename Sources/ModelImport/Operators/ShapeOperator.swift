import Autodiff

/// ONNX `Shape`: the input's shape (from `start` to `end`), a constant, since every shape is known
/// once the inputs have values.
enum ShapeOperator: OnnxOperator {
  static let opType = "Shape"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let shape = node.inputs[0]!.shape
    let rank = shape.count
    func clamp(_ axis: Int) -> Int { min(max(axis < 0 ? axis + rank : axis, 0), rank) }
    let start = clamp(try node.int("start", default: 0))
    let end = clamp(try node.int("end", default: rank))
    let picked = start < end ? Array(shape[start..<end]) : []
    return [.constant(Tensor(picked.map(Double.init)), name: node.node.output.first ?? "")]
  }
}
