import Autodiff
import ModelImport
import Testing

/// Initializers PyTorch does not differentiate are not parameters: BatchNorm's running statistics
/// (decided by the input slot) and the zero initial state the exporter writes for a recurrent
/// layer given none; every parameter left is one whose gradient PyTorch computes.
@Suite struct BufferTests {
  @Test(arguments: [
    ("batchnorm_mlp", ["norm.running_mean", "norm.running_var"]), ("lstm_dynamo", ["val_16"]),
    ("gru_dynamo", ["val_10"]),
  ])
  func nonParametersAreLeftOut(name: String, buffers: [String]) throws {
    let fixture = Fixture(name: name)
    let model = try fixture.load()
    let names = model.parameters.compactMap(\.name)
    #expect(names.count == model.parameters.count)
    #expect(Set(names).isDisjoint(with: buffers))
    let expected = try fixture.expected.grads
    #expect(names.allSatisfy { expected[$0] != nil }, "listed without PyTorch's gradient: \(names)")
  }
}
