import Autodiff

/// ONNX `Reshape` with a constant target shape (0 copies the input's length, -1 is inferred), as
/// Autodiff's `Reshape`.
enum ReshapeOperator: OnnxOperator {
  static let opType = "Reshape"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    let allowZero = try node.int("allowzero", default: 0) != 0
    let x = try node.variable(0)
    var target = try node.integers(1, "shape")
    for (axis, length) in target.enumerated() where length == 0 && !allowZero {
      guard axis < x.shape.count else {
        throw node.error("shape \(target) copies axis \(axis), which x lacks")
      }
      target[axis] = x.shape[axis]
    }
    let known = target.filter { $0 != -1 }.reduce(1, *)
    if let inferred = target.firstIndex(of: -1) {
      guard known > 0, x.data.count % known == 0 else {
        throw node.error("cannot reshape \(formatShape(x.shape)) to \(target)")
      }
      target[inferred] = x.data.count / known
    }
    return [.variable(try node.call(Reshape(target), [x]))]
  }
}
