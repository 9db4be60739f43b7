import Autodiff

/// ONNX `Constant`: a value known at import time (`value`, `value_float(s)`, `value_int(s)`).
enum ConstantOperator: OnnxOperator {
  static let opType = "Constant"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(0)
    let name = node.node.output.first ?? ""
    if let tensor = try node.tensor("value") {
      return [.constant(tensor, name: name)]
    }
    if let ints = try node.ints("value_ints") {
      return [.constant(Tensor(ints.map(Double.init)), name: name)]
    }
    let float = try node.float("value_float", default: .nan)
    if !float.isNaN { return [.constant(Tensor(float), name: name)] }
    let int = try node.int("value_int", default: .min)
    if int != .min { return [.constant(Tensor(Double(int)), name: name)] }
    throw node.error("has no value (value, value_float or value_int)")
  }
}
