import Autodiff

/// ONNX `Concat` along `axis`, as Autodiff's `Concat`.
enum ConcatOperator: OnnxOperator {
  static let opType = "Concat"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    guard !node.inputs.isEmpty else { throw node.error("expected at least 1 input") }
    var xs = [Variable]()
    for index in node.inputs.indices { xs.append(try node.variable(index)) }
    let axis = try node.axis(try node.int("axis", default: 0), rank: xs[0].shape.count)
    return [.variable(try node.call(Concat(axis: axis), xs))]
  }
}
