import Autodiff

/// ONNX `MatMul`: the matrix product, as Autodiff's `MatMul` (NumPy's `matmul` rules).
enum MatMulOperator: OnnxOperator {
  static let opType = "MatMul"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(2)
    return [.variable(try node.call(MatMul(), [node.variable(0), node.variable(1)]))]
  }
}
