/// Which initializers are buffers, not parameters: state PyTorch keeps beside the weights and
/// never differentiates (`register_buffer`), which the exporter writes as initializers like the
/// weights. A buffer becomes a leaf that takes no gradient and is not listed among the parameters.
///
/// The operator slot decides, not the name (`norm.running_mean` is only the exporter's habit): an
/// initializer that feeds a `BatchNormalization`'s running mean or variance (inputs 3 and 4) is a
/// buffer. Other normalizations export no statistics (`InstanceNormalization` and
/// `LayerNormalization` compute theirs), and integer buffers such as `num_batches_tracked` are
/// constants already.
enum Buffers {
  /// The operators with inputs that are always buffers, and those inputs' positions.
  static let statisticsInputs: [String: [Int]] = ["BatchNormalization": [3, 4]]

  /// The names of the initializers of `graph` that are buffers.
  static func names(in graph: Onnx_GraphProto) -> Set<String> {
    let initializers = Set(graph.initializer.map(\.name))
    var buffers = Set<String>()
    for node in graph.node {
      for position in statisticsInputs[node.opType] ?? [] where position < node.input.count {
        let name = node.input[position]
        if initializers.contains(name) { buffers.insert(name) }
      }
    }
    return buffers
  }
}
