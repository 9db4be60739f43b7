/// Which float initializers are not parameters: buffers, state PyTorch keeps beside the weights and
/// never differentiates (`register_buffer`), and constant tensors the exporter wrote as
/// initializers. A non-parameter becomes a leaf that takes no gradient and is not listed among the
/// parameters.
///
/// The operator slot decides, not the name alone (`norm.running_mean` is only the exporter's habit):
/// - an initializer that feeds a `BatchNormalization`'s running mean or variance (inputs 3 and 4) is
///   a buffer. Other normalizations export no statistics (`InstanceNormalization` and
///   `LayerNormalization` compute theirs), and integer buffers such as `num_batches_tracked` are
///   constants already;
/// - an initializer in a recurrent layer's initial state (`initial_h`, `initial_c`) whose name the
///   exporter made up (`val_16`, `onnx::LSTM_7`) is the zero state PyTorch uses when none is given,
///   a constant; one named as a module's attribute (`h0`) is a learnt initial state, a parameter.
enum Buffers {
  /// The operators with inputs that are always buffers, and those inputs' positions.
  static let statisticsInputs: [String: [Int]] = ["BatchNormalization": [3, 4]]
  /// The recurrent operators' initial-state inputs.
  static let initialStateInputs: [String: [Int]] = ["LSTM": [5, 6], "GRU": [5], "RNN": [5]]

  /// The names of the initializers of `graph` that are not parameters.
  static func names(in graph: Onnx_GraphProto) -> Set<String> {
    let initializers = Set(graph.initializer.map(\.name))
    var buffers = Set<String>()
    for node in graph.node {
      let statistics = statisticsInputs[node.opType] ?? []
      let states = initialStateInputs[node.opType] ?? []
      for (position, name) in node.input.enumerated() where initializers.contains(name) {
        if statistics.contains(position) || states.contains(position) && isExporterName(name) {
          buffers.insert(name)
        }
      }
    }
    return buffers
  }

  /// Whether `name` is one an exporter makes up for a tensor that is no module attribute:
  /// `val_16` (dynamo), `onnx::LSTM_7` (TorchScript).
  static func isExporterName(_ name: String) -> Bool {
    if name.hasPrefix("onnx::") { return true }
    guard name.hasPrefix("val_") else { return false }
    let number = name.dropFirst(4)
    return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
  }
}
