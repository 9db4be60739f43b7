import Autodiff
import Foundation
import ModelImport
import Testing

/// Files that are not models, or models GradStep cannot step: each a `ModelImportError` saying
/// what and where, never a crash.
@Suite struct BadModelTests {
  private func error(_ bytes: [UInt8], options: ImportOptions = ImportOptions()) -> String {
    do {
      _ = try ModelImporter.load(bytes: bytes, name: "bad.onnx", options: options)
      return "no error"
    } catch {
      return error.message
    }
  }

  @Test func aTruncatedFileIsRefused() throws {
    let bytes = try Fixture(name: "mlp_torchscript").bytes
    let message = error(Array(bytes[..<(bytes.count * 2 / 3)]))
    #expect(message.hasPrefix("bad.onnx: not a readable ONNX model"))
    #expect(message.contains("truncated"))
  }

  @Test func aFileThatIsNotProtobufIsRefused() {
    let message = error(Array("x = 0.5\ny = exp(x)\n".utf8))
    #expect(message == "bad.onnx: not an ONNX model: it is text, and a model is a binary protobuf file")
    let binary = error([0xFF, 0xFF, 0xFF, 0x00, 0x01])
    #expect(binary.hasPrefix("bad.onnx: not a readable ONNX model ("))
    #expect(error([]).contains("not an ONNX model (no graph)"))
  }

  @Test func anUnknownOperatorIsNamedWithItsNodeAndTheSupportedList() throws {
    let message = error(try Fixture(name: "unknown_op").bytes)
    #expect(message.hasPrefix("Einsum node 'the_einsum': operator Einsum is not supported (supported: Add, "))
    #expect(message.contains("Gemm"))
  }

  @Test func missingExternalDataIsNamed() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let message = error(
      try Fixture(name: "mlp_external").bytes, options: ImportOptions(directory: directory.path))
    #expect(message.hasPrefix("initializer 'l1.weight': cannot open its external data file"))
    #expect(message.contains("mlp_external.onnx.data"))
  }

  @Test func anInputOfTheWrongShapeNamesBothShapes() throws {
    let options = ImportOptions(inputValues: ["x": Tensor([1, 2, 3])])
    let message = error(try Fixture(name: "mlp_torchscript").bytes, options: options)
    #expect(message == "input 'x': the value has shape (3,), but the model expects (2, 4)")
    let unknown = error(
      try Fixture(name: "mlp_torchscript").bytes, options: ImportOptions(inputValues: ["z": Tensor(1)]))
    #expect(unknown == "there is no graph input 'z' (the inputs: x (2, 4))")
  }

  /// What is still refused names the node, its op type and the attribute (or output).
  @Test(arguments: [
    (
      "refused_conv1d",
      "Conv node 'conv1d': attribute kernel_shape [3] has 1 length(s): only 2-d windows over (N, C, H, W) "
        + "are supported"
    ),
    ("refused_maxpool_indices", "MaxPool node 'pool_with_indices': output 1 (Indices) is not supported"),
    (
      "refused_bad_group",
      "Conv node 'conv_groups': attribute group 2 does not divide the 3 input channels and the 2 filters"
    ),
    (
      "refused_auto_pad",
      "AveragePool node 'pool_same': attribute auto_pad SAME is not supported (NOTSET, VALID, SAME_UPPER or "
        + "SAME_LOWER)"
    ),
  ])
  func whatIsStillRefusedNamesTheNodeAndTheAttribute(name: String, message: String) throws {
    #expect(error(try Fixture(name: name).bytes) == message)
  }

  /// Token inputs are integers: a fraction is refused, an index past the table names the Gather
  /// node, and a missing value is zeros, noted.
  @Test func integerInputsAreCheckedAndFilledWithZeros() throws {
    let bytes = try Fixture(name: "embedding").bytes
    let fraction = ImportOptions(inputValues: [
      "tokens": Tensor(shape: [2, 3], scalars: [1, 2, 0.5, 3, 3, 5])
    ])
    #expect(error(bytes, options: fraction) == "input 'tokens': the model expects integers (int64), got 0.5")
    let outside = ImportOptions(inputValues: ["tokens": Tensor(shape: [2, 3], scalars: [1, 2, 9, 3, 3, 5])])
    #expect(
      error(bytes, options: outside)
        == "Gather node '/embed/Gather': Gather: index 9 out of range for axis 0 of shape (6, 4) (input shapes (6, 4))"
    )
    let model = try ModelImporter.load(bytes: bytes, name: "embedding.onnx")
    #expect(model.inputs.isEmpty)
    #expect(
      model.notes == [
        "input tokens (2, 3) filled with zeros (integers); set it with --set tokens=[…] or --input tokens=FILE.npy"
      ])
    model.loss.backward()
    let table = try #require(model.parameters.first { $0.name == "embed.weight" }?.grad)
    #expect(table.scalars[4...].allSatisfy { $0 == 0 })
    #expect(table.scalars[..<4].contains { $0 != 0 })
  }

  @Test func anInputWithoutAValueIsFilledAndNoted() throws {
    let model = try ModelImporter.load(bytes: try Fixture(name: "mlp_dynamo").bytes, name: "m.onnx")
    let again = try ModelImporter.load(bytes: try Fixture(name: "mlp_dynamo").bytes, name: "m.onnx")
    #expect(model.inputs[0].data == again.inputs[0].data)
    #expect(model.inputs[0].shape == [2, 4])
    #expect(
      model.notes == [
        "input x (2, 4) filled with N(0, 1) from a fixed seed; set it with --set x=[…] or --input x=FILE.npy"
      ])
  }
}

/// The size limit, checked before any tensor is decoded.
@Suite struct ModelSizeLimitTests {
  @Test func aModelOverTenMillionParametersIsRefusedBeforeItsDataIsRead() throws {
    let bytes = try Fixture(name: "too_large").bytes
    #expect(
      throws: ModelImportError(
        "too_large.onnx: the model has more than 10 million parameters (the limit); GradStep steps through "
          + "small models")
    ) { try ModelImporter.load(bytes: bytes, name: "too_large.onnx") }
  }
}
