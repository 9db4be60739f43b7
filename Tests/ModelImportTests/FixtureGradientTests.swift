import Autodiff
import ModelImport
import Testing

/// Each exported model loads, and its backward pass gives PyTorch's float64 gradients (within
/// 1e-5 relative) for the input and for every parameter that keeps its name in the file.
@Suite struct FixtureGradientTests {
  @Test(arguments: [
    "mlp_torchscript", "mlp_dynamo", "mlp_external", "dtypes", "cnn", "attention", "rnn", "ops",
    "depthwise", "ceil_pool", "embedding", "embedding_dynamo", "same_upper", "same_pad", "encoder_padding",
    "encoder_padding_dynamo", "encoder_causal", "encoder_dynamo", "masked_attention", "tiny_resnet",
    "batchnorm_mlp", "text_cnn", "text_cnn_dynamo", "lstm", "lstm_dynamo", "gru", "gru_dynamo", "rnn_relu",
    "mobilenet_block", "mobilenet_block_dynamo", "conv_decoder", "conv_decoder_dynamo", "activations",
    "loss_inside", "loss_inside_dynamo", "interpolate", "interpolate_dynamo", "einsum", "einsum_dynamo",
    "where_by_value",
  ])
  func gradientsMatchPyTorch(name: String) throws {
    let fixture = Fixture(name: name)
    let expected = try fixture.expected
    let model = try fixture.load()
    model.loss.backward()
    #expect(close(model.loss.data.scalars, [expected.loss]))
    var compared = 0
    for variable in model.inputs + model.parameters {
      guard let name = variable.name, let grad = expected.grads[name] else { continue }
      let actual = try #require(variable.grad, "no gradient for \(name)")
      #expect(close(actual.scalars, grad), "gradient of \(name)")
      compared += 1
    }
    #expect(compared >= 2, "compared \(compared) gradients")
    #expect(model.inputs.allSatisfy { expected.grads[$0.name ?? ""] != nil })
  }

  /// A comparison of computed values is a constant made at import, and the notes say that editing
  /// an input does not recompute it.
  @Test func aConditionOnComputedValuesIsNoted() throws {
    let model = try Fixture(name: "where_by_value").load()
    #expect(
      model.notes.contains {
        $0.hasPrefix(
          "Greater node '/Greater' reads computed values at import (its result carries no gradient)")
      })
    #expect(
      try Fixture(name: "tiny_resnet").load().notes.allSatisfy { !$0.contains("reads computed values") })
  }

  /// Whether every element is within 1e-5 of the expected one, relative to the largest expected one
  /// (or to 1e-10 for a gradient that is zero up to rounding, as attention's key bias is: softmax
  /// does not change when a row is shifted).
  private func close(_ actual: [Double], _ expected: [Double]) -> Bool {
    let scale = max(expected.map(abs).max() ?? 0, 1e-10)
    return actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= 1e-5 * scale }
  }
}
