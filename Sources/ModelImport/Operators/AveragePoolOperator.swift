import Autodiff

/// ONNX `AveragePool` in 2-d (`count_include_pad`, `ceil_mode`), as Autodiff's `AveragePool2D`.
enum AveragePoolOperator: OnnxOperator {
  static let opType = "AveragePool"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1)
    let include = try node.int("count_include_pad", default: 0) != 0
    let x = try node.variable(0)
    let window = try node.window(over: x, pooling: true)
    return [.variable(try node.call(AveragePool2D(window, countIncludePad: include), [x]))]
  }
}
