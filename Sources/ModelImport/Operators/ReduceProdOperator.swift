import Autodiff

/// ONNX `ReduceProd` of a value known at import time (the TorchScript exporter counts elements
/// with it, as in `x.std()`): a constant. The product of a computed value is refused.
enum ReduceProdOperator: OnnxOperator {
  static let opType = "ReduceProd"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 2)
    guard let x = node.inputs[0], x.isConstant else {
      throw node.error("the product of a computed value is not supported (only of constants, such as shapes)")
    }
    let keepDims = try node.int("keepdims", default: 1) != 0
    let noopWhenEmpty = try node.int("noop_with_empty_axes", default: 0) != 0
    let listed = try node.axes(input: 1, rank: x.shape.count) ?? []
    if listed.isEmpty, noopWhenEmpty { return [x] }
    let axes = Set(listed.isEmpty ? Array(x.shape.indices) : listed)
    let kept = x.shape.indices.map { axes.contains($0) ? 1 : x.shape[$0] }
    var products = [Double](repeating: 1, count: Tensor.elementCount(of: kept))
    let data = x.data
    let values = data.scalars
    for offset in values.indices {
      let index = data.index(ofElement: offset)
      let target = x.shape.indices.reduce(0) { $0 * kept[$1] + (axes.contains($1) ? 0 : index[$1]) }
      products[target] *= values[offset]
    }
    let shape = keepDims ? kept : x.shape.indices.filter { !axes.contains($0) }.map { x.shape[$0] }
    let result = shape.isEmpty ? Tensor(products[0]) : Tensor(shape: shape, scalars: products)
    return [DataElementwise.constant(node, result)]
  }
}
