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
    #expect(message.hasPrefix("Det node 'the_det': operator Det is not supported (supported: Add, "))
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
      "refused_conv3d",
      "Conv node 'conv3d': attribute kernel_shape [3, 3, 3] has 3 length(s): only 1-d and 2-d windows over "
        + "(N, C, L) or (N, C, H, W) are supported"
    ),
    (
      "refused_batchnorm_training",
      "BatchNormalization node 'bn_train': only inference mode is supported (export the model after "
        + "model.eval()): training_mode and the running-statistics outputs are not"
    ),
    ("refused_cast_string", "Cast node 'to_text': cast to string is not supported"),
    ("refused_mod_zero", "Mod node 'mod_zero': integer Mod by zero"),
    (
      "refused_lstm_lengths",
      "LSTM node 'lstm': input 4 (sequence_lens) is not supported: every sequence runs to its end"
    ),
    (
      "refused_resize_cubic",
      "Resize node 'bicubic': mode cubic is not supported (nearest or linear; bicubic upsampling is not)"
    ),
    (
      "refused_einsum_diagonal",
      "Einsum node 'trace': equation ii-> is not supported (letters, each once per operand and output)"
    ),
    ("refused_conv_transpose_groups", "ConvTranspose node 'up': attribute group is not supported (only 1)"),
    (
      "refused_reduce_prod",
      "ReduceProd node 'product': the product of a computed value is not supported (only of constants, such "
        + "as shapes)"
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
  /// A bool input (a padding mask) takes 0 and 1 only; not given, it is all false, and the mask
  /// changes the output when it hides a position.
  @Test func boolInputsAreMasksOfZerosAndOnes() throws {
    let bytes = try Fixture(name: "encoder_padding").bytes
    let x = try #require(Fixture(name: "encoder_padding").expected.inputs["x"])
    func pad(_ values: [Double]) -> ImportOptions {
      ImportOptions(inputValues: ["x": x, "pad": Tensor(shape: [2, 4], scalars: values)])
    }
    #expect(
      error(bytes, options: pad([0, 0, 0, 2, 0, 0, 0, 0]))
        == "input 'pad': the model expects bool (0 or 1), got 2")
    let unmasked = try ModelImporter.load(
      bytes: bytes, name: "e.onnx", options: ImportOptions(inputValues: ["x": x]))
    #expect(unmasked.notes.contains { $0.hasPrefix("input pad (2, 4) filled with zeros") })
    let none = try ModelImporter.load(
      bytes: bytes, name: "e.onnx", options: pad(Array(repeating: 0, count: 8)))
    let masked = try ModelImporter.load(bytes: bytes, name: "e.onnx", options: pad([0, 0, 0, 1, 0, 0, 0, 0]))
    #expect(unmasked.loss.data.scalars == none.loss.data.scalars)
    #expect(masked.loss.data.scalars != none.loss.data.scalars)
  }

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
