/// How the inspector names the ONNX node a function came from: `ONNX Gemm '/l1/Gemm' (transB=1)`.
enum NodeOrigin {
  /// The node's op type, name (or number) and attributes, short.
  static func describe(_ node: Onnx_NodeProto, index: Int) -> String {
    let name = node.name.isEmpty ? "#\(index)" : "'\(node.name)'"
    let attributes = node.attribute.map { "\($0.name)=\(value(of: $0))" }
    let suffix = attributes.isEmpty ? "" : " (" + attributes.joined(separator: ", ") + ")"
    return "ONNX \(node.opType) \(name)\(suffix)"
  }

  /// An attribute's value in a few characters.
  private static func value(of attribute: Onnx_AttributeProto) -> String {
    switch attribute.type {
    case .int: String(attribute.i)
    case .float: Double(attribute.f).description
    case .ints: "[" + attribute.ints.map(String.init).joined(separator: ", ") + "]"
    case .floats: "[" + attribute.floats.map { Double($0).description }.joined(separator: ", ") + "]"
    case .string: String(decoding: attribute.s, as: UTF8.self)
    case .tensor: "tensor" + (attribute.t.dims.isEmpty ? "" : "\(attribute.t.dims)")
    default: "…"
    }
  }
}
