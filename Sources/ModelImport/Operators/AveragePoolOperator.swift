import Autodiff

/// ONNX `AveragePool` in 2-d (`count_include_pad`), as Autodiff's `AveragePool2D`.
enum AveragePoolOperator: OnnxOperator {
  static let opType = "AveragePool"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let include = try node.int("count_include_pad", default: 0) != 0
    let x = try node.image()
    return [.variable(try node.call(AveragePool2D(try node.window(), countIncludePad: include), [x]))]
  }
}
