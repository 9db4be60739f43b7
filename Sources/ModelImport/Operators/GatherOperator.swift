import Autodiff

/// ONNX `Gather` with constant indices along `axis` (an integer graph input, such as a text
/// model's tokens, is a constant): a scalar index drops the axis (`x[:, 2]`) and a list keeps it
/// (`x[:, [0, 2]]`), both as Autodiff's `GetItem`; an index tensor of rank 2 or more (an embedding
/// lookup of `(batch, sequence)` tokens) replaces the axis by its shape, as Autodiff's `Gather`.
enum GatherOperator: OnnxOperator {
  static let opType = "Gather"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    let x = try node.variable(0)
    let axis = try node.axis(try node.int("axis", default: 0), rank: x.shape.count)
    let indexTensor = try node.constant(1, "indices")
    let indices = try node.integers(1, "indices")
    var items = Array(repeating: IndexItem.all, count: axis + 1)
    switch indexTensor.rank {
    case 0: items[axis] = .index(indices[0])
    case 1: items[axis] = .indices(indices)
    default:
      return [.variable(try node.call(Gather(indices: indices, shape: indexTensor.shape, axis: axis), [x]))]
    }
    return [.variable(try node.call(GetItem(items), [x]))]
  }
}
