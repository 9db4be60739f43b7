import Autodiff

/// ONNX `Split` along `axis` (`tensor.split`, `chunk`): the lengths from the `split` input or
/// attribute, or `num_outputs` (opset 18) or the output count as equal parts (the last one shorter
/// when they do not divide), each part Autodiff's `GetItem` with a slice.
enum SplitOperator: OnnxOperator {
  static let opType = "Split"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 2)
    let x = try node.variable(0)
    let axis = try node.axis(try node.int("axis", default: 0), rank: x.shape.count)
    let length = x.shape[axis]
    let attribute = try node.ints("split")
    let parts = try node.int("num_outputs", default: node.node.output.count)
    let lengths: [Int]
    if node.has(1) {
      lengths = try node.integers(1, "split")
    } else if let attribute {
      lengths = attribute
    } else {
      guard parts > 0 else { throw node.error("num_outputs must be positive, got \(parts)") }
      let part = (length + parts - 1) / parts
      lengths = (0..<parts).map { min(part, max(length - $0 * part, 0)) }
    }
    guard lengths.allSatisfy({ $0 >= 0 }), lengths.reduce(0, +) == length else {
      throw node.error("split lengths \(lengths) do not add up to axis \(axis)'s length \(length)")
    }
    guard lengths.count == node.node.output.count else {
      throw node.error("\(lengths.count) parts for \(node.node.output.count) outputs")
    }
    var outputs = [Value]()
    var start = 0
    for part in lengths {
      var items = Array(repeating: IndexItem.all, count: axis + 1)
      items[axis] = .slice(start: start, stop: start + part, step: 1)
      outputs.append(.variable(try node.call(GetItem(items), [x])))
      start += part
    }
    return outputs
  }
}
