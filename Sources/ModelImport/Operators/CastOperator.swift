import Autodiff

/// ONNX `Cast`. To a float type, a computed value passes through unchanged (its values are already
/// exact in `Double`, and the gradient flows as through PyTorch's `.float()`); a constant stays a
/// constant. To an integer type (truncated toward zero) or bool (nonzero is 1), the result is a
/// constant: no gradient flows through an integer tensor.
enum CastOperator: OnnxOperator {
  static let opType = "Cast"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let to = try node.int("to", default: 0)
    _ = try node.int("saturate", default: 1)
    guard let type = Onnx_TensorProto.DataType(rawValue: to) else {
      throw node.error("attribute to: unknown element type \(to)")
    }
    let x = node.inputs[0]!
    switch type {
    case .float, .double, .float16:
      return [x]
    case .int8, .uint8, .int16, .uint16, .int32, .uint32, .int64, .uint64:
      return [DataElementwise.constant(node, x.data.map { $0.rounded(.towardZero) })]
    case .bool:
      return [DataElementwise.constant(node, x.data.map { $0 != 0 ? 1 : 0 })]
    default:
      throw node.error("cast to \(TensorDecoding.typeName(Int32(to))) is not supported")
    }
  }
}
