import Autodiff

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The shared shape of operators whose outputs carry no gradient (comparisons, logic, `Mod`, casts
/// to integers): they run on their inputs' values at import time, whether those are constants or
/// computed, and give constants, as PyTorch's autograd stops at a boolean or integer tensor too.
/// Booleans are 0 and 1.
enum DataElementwise {
  /// `transform` of each element of input 0.
  static func unary(_ node: NodeContext, _ transform: (Double) -> Double) throws(ModelImportError) -> [Value]
  {
    try node.expectInputs(1)
    return [constant(node, node.inputs[0]!.data.map(transform))]
  }

  /// `combine` of inputs 0 and 1, element by element with broadcasting.
  static func binary(_ node: NodeContext, _ combine: (Double, Double) -> Double) throws(ModelImportError)
    -> [Value]
  {
    try node.expectInputs(2)
    guard let a = node.inputs[0], let b = node.inputs[1] else { throw node.error("an input is missing") }
    do {
      return [constant(node, try Tensor.elementwise(a.data, b.data, operation: node.node.opType, combine))]
    } catch {
      throw node.error("cannot broadcast \(formatShape(a.shape)) with \(formatShape(b.shape))")
    }
  }

  /// `tensor` as the node's first output, a constant.
  static func constant(_ node: NodeContext, _ tensor: Tensor) -> Value {
    .constant(tensor, name: node.node.output.first ?? "")
  }

  /// 1 for true, 0 for false.
  static func bool(_ value: Bool) -> Double { value ? 1 : 0 }
}
