import Autodiff
import Foundation
import ModelImport
import Testing

/// The losses `--loss` chooses, on the MLP fixture's output, against their closed forms.
@Suite struct LossTests {
  private func model(_ loss: LossChoice) throws -> ImportedModel {
    try Fixture(name: "mlp_torchscript").load(loss: loss)
  }

  @Test func theDefaultIsTheSumOfANonScalarOutput() throws {
    let model = try model(.automatic)
    #expect(model.loss.name == "sum(output)")
    #expect(abs(model.loss.data.scalar! - model.output.data.scalars.reduce(0, +)) < 1e-12)
  }

  @Test func meanAndMeanSquaredError() throws {
    let mean = try model(.mean)
    let values = mean.output.data.scalars
    #expect(abs(mean.loss.data.scalar! - values.reduce(0, +) / 6) < 1e-12)
    let mse = try model(.meanSquaredError(target: Tensor(0.5)))
    #expect(abs(mse.loss.data.scalar! - values.map { ($0 - 0.5) * ($0 - 0.5) }.reduce(0, +) / 6) < 1e-12)
    mse.loss.backward()
    let grad = try #require(mse.output.grad)
    #expect(zip(grad.scalars, values).allSatisfy { abs($0 - 2 * ($1 - 0.5) / 6) < 1e-12 })
  }

  @Test func crossEntropyOfLogits() throws {
    let model = try model(.crossEntropy(labels: [2, 0]))
    let rows = [Array(model.output.data.scalars[0..<3]), Array(model.output.data.scalars[3..<6])]
    let expected =
      zip(rows, [2, 0]).map { row, label in
        Foundation.log(row.map { Foundation.exp($0) }.reduce(0, +)) - row[label]
      }.reduce(0, +) / 2
    #expect(abs(model.loss.data.scalar! - expected) < 1e-12)
    #expect(model.loss.name == "cross_entropy")
  }

  @Test func badLossesAreRefused() throws {
    #expect(throws: ModelImportError("--loss cross_entropy: 1 label(s) for 2 row(s) of logits")) {
      try model(.crossEntropy(labels: [1]))
    }
    #expect(
      throws: ModelImportError("--loss mse: the target has shape (4,), but the output has (2, 3)")
    ) { try model(.meanSquaredError(target: Tensor([1, 2, 3, 4]))) }
  }
}
