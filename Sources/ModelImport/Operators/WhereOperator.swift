import Autodiff

/// ONNX `Where`: X where the condition holds, else Y, with broadcasting (`masked_fill`,
/// `torch.where`). The condition is read as data (it carries no gradient); with X or Y computed,
/// Autodiff's `Where` routes the gradient to the picked side; with both constant, a constant.
enum WhereOperator: OnnxOperator {
  static let opType = "Where"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(3)
    guard let condition = node.inputs[0]?.data, let a = node.inputs[1], let b = node.inputs[2] else {
      throw node.error("an input is missing")
    }
    let shape: [Int]
    do {
      shape = try Tensor.broadcastShape(
        condition.shape, try Tensor.broadcastShape(a.shape, b.shape, operation: "Where"), operation: "Where")
    } catch {
      throw node.error(
        "cannot broadcast condition \(formatShape(condition.shape)), X \(formatShape(a.shape)) and "
          + "Y \(formatShape(b.shape))")
    }
    if a.isConstant, b.isConstant {
      do {
        let (x, y) = (try a.data.broadcast(to: shape), try b.data.broadcast(to: shape))
        return [DataElementwise.constant(node, Where(condition: condition).apply(x, y))]
      } catch {
        throw node.error("\(error)")
      }
    }
    var x = try node.variable(1)
    if x.shape != shape { x = try node.call(BroadcastTo(shape), [x]) }
    return [.variable(try node.call(Where(condition: condition), [x, try node.variable(2)]))]
  }
}
