import Autodiff

/// ONNX `Squeeze`: drops the given axes of length 1 (all of them when none are given); as `Reshape`.
enum SqueezeOperator: OnnxOperator {
  static let opType = "Squeeze"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 2)
    let x = try node.variable(0)
    let axes = try node.axes(input: 1, rank: x.shape.count) ?? x.shape.indices.filter { x.shape[$0] == 1 }
    if let long = axes.first(where: { x.shape[$0] != 1 }) {
      throw node.error("cannot squeeze axis \(long) of \(formatShape(x.shape)): its length is not 1")
    }
    let target = x.shape.indices.filter { !axes.contains($0) }.map { x.shape[$0] }
    return [.variable(try node.call(Reshape(target), [x]))]
  }
}
