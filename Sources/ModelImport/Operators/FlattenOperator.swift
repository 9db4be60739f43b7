import Autodiff

/// ONNX `Flatten`: the axes before `axis` into one, those from it into another; as `Reshape`.
enum FlattenOperator: OnnxOperator {
  static let opType = "Flatten"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let x = try node.variable(0)
    let rank = x.shape.count
    let requested = try node.int("axis", default: 1)
    let axis = requested < 0 ? requested + rank : requested
    guard (0...rank).contains(axis) else {
      throw node.error("axis \(requested) is out of range for rank \(rank)")
    }
    let target = [x.shape[..<axis].reduce(1, *), x.shape[axis...].reduce(1, *)]
    return [.variable(try node.call(Reshape(target), [x]))]
  }
}
