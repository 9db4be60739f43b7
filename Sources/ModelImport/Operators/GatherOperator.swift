import Autodiff

/// ONNX `Gather` with constant indices along `axis`, as Autodiff's `GetItem`: a scalar index drops
/// the axis (`x[:, 2]`), a list keeps it (`x[:, [0, 2]]`).
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
    default: throw node.error("indices of rank \(indexTensor.rank) are not supported (0 or 1)")
    }
    return [.variable(try node.call(GetItem(items), [x]))]
  }
}
