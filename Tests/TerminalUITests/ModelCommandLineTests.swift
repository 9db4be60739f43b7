import Foundation
import Testing

/// `gradstep model.onnx`: a model opens like a program (JSON, headless, keys, --set, --input,
/// --loss), and every bad model or argument exits 2 with a message saying what and where.
@Suite struct ModelCommandLineTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ModelImportTests/Fixtures")

  private func gradstep(_ arguments: [String]) throws -> ProcessResult {
    try ChildProcess.run([GradStepBinary.path] + arguments, timeout: .seconds(30))
  }

  private func model(_ name: String) -> String { Self.fixtures.appendingPathComponent(name + ".onnx").path }

  @Test func aModelStepsToTheEndWithItsNodesInTheInspector() throws {
    let json = try gradstep([model("mlp_torchscript"), "--json", "--keys", "b"])
    #expect(json.status == .exited(0))
    #expect(json.standardOutput.contains("\"phase\": \"done\""))
    #expect(json.standardOutput.contains("\"output\": \"sum(output)\""))
    #expect(json.standardOutput.contains("\"notes\": [\"input x (2, 4) filled with N(0, 1)"))
    let screen = try gradstep([model("mlp_torchscript"), "--headless", "--size", "100x40", "--keys", "n"])
    #expect(screen.standardOutput.contains("GradStep · mlp_torchscript.onnx"))
    #expect(screen.standardOutput.contains("from ONNX Gemm '/l1/Gemm' (alpha=1.0, beta=1.0, transB=1)"))
  }

  @Test func aModelExportsAndReadsFromStandardInput() throws {
    let dot = try gradstep([model("cnn"), "--export", "dot", "--keys", "b"])
    #expect(dot.status == .exited(0))
    #expect(dot.standardOutput.hasPrefix("digraph GradStep {"))
    #expect(dot.standardOutput.contains("<b>conv.weight</b> (2, 1, 3, 3)"))
    let piped = try ChildProcess.run(
      ["/bin/sh", "-c", "\"$0\" - --json < \"$1\"", GradStepBinary.path, model("rnn")], timeout: .seconds(30))
    #expect(piped.status == .exited(0))
    #expect(piped.standardOutput.contains("\"name\": \"ih.weight\""))
  }

  @Test func inputsComeFromSetAndNpyFiles() throws {
    let set = try gradstep([model("dtypes"), "--set", "x=[[1, 2, 3], [4, 5, 6]]", "--json"])
    #expect(set.status == .exited(0))
    #expect(set.standardOutput.contains("\"data\": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]"))
    #expect(!set.standardOutput.contains("\"notes\""))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gradstep-x-\(getpid()).npy")
    let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"
    let padded = header + String(repeating: " ", count: 118 - header.count) + "\n"
    var bytes: [UInt8] =
      [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(padded.utf8.count), 0] + Array(padded.utf8)
    for value in [1.0, 2, 3, 4, 5, 6] { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
    try Data(bytes).write(to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    let npy = try gradstep([model("dtypes"), "--input", "x=\(path.path)", "--json"])
    #expect(npy.standardOutput == set.standardOutput)
  }

  /// A text model's tokens from `--set` and from an int64 `.npy` file give the same run.
  @Test func tokensComeFromSetAndInt64NpyFiles() throws {
    let set = try gradstep([
      model("embedding"), "--set", "tokens=[[1, 2, 0], [3, 3, 5]]", "--json", "--keys", "b",
    ])
    #expect(set.status == .exited(0))
    #expect(!set.standardOutput.contains("\"notes\""))
    let screen = try gradstep([
      model("embedding"), "--set", "tokens=[[1, 2, 0], [3, 3, 5]]", "--headless", "--size", "120x40",
      "--keys", "n",
    ])
    #expect(screen.standardOutput.contains("v1 = take(embed.weight, [[1, 2, 0], [3, 3, 5]], axis 0)"))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-tokens-\(getpid()).npy")
    let header = "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }"
    let padded = header + String(repeating: " ", count: 118 - header.count) + "\n"
    var bytes: [UInt8] =
      [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(padded.utf8.count), 0] + Array(padded.utf8)
    for value: Int64 in [1, 2, 0, 3, 3, 5] { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    try Data(bytes).write(to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    let npy = try gradstep([model("embedding"), "--input", "tokens=\(path.path)", "--json", "--keys", "b"])
    #expect(npy.standardOutput == set.standardOutput)
  }

  @Test func theLossIsChosenAndDrawn() throws {
    let mean = try gradstep([model("mlp_torchscript"), "--loss", "mean", "--json"])
    #expect(mean.standardOutput.contains("\"output\": \"mean(output)\""))
    let mse = try gradstep([model("mlp_torchscript"), "--loss", "mse=0", "--json"])
    #expect(mse.standardOutput.contains("\"output\": \"mse\""))
    let entropy = try gradstep([model("mlp_torchscript"), "--loss", "cross_entropy=[0, 2]", "--json"])
    #expect(entropy.standardOutput.contains("\"output\": \"cross_entropy\""))
  }

  @Test(arguments: [
    (["unknown_op"], "Det node 'the_det': operator Det is not supported (supported: Add,"),
    (
      ["mlp_torchscript", "--set", "x=[1, 2]"],
      "input 'x': the value has shape (2,), but the model expects (2, 4)"
    ),
    (["mlp_torchscript", "--loss", "cross_entropy=[7, 0]"], "label 7 is not a class index 0..<3"),
    (["mlp_torchscript", "--loss", "nope"], "bad --loss 'nope'"),
    (["mlp_torchscript", "--input", "x=/no/such.npy"], "cannot open '/no/such.npy': no such file"),
    (["refused_conv3d"], "Conv node 'conv3d': attribute kernel_shape [3, 3, 3] has 3 length(s)"),
    (["refused_maxpool_indices"], "MaxPool node 'pool_with_indices': output 1 (Indices) is not supported"),
    (["refused_auto_pad"], "AveragePool node 'pool_same': attribute auto_pad SAME is not supported"),
    (
      ["embedding", "--set", "tokens=[[1, 2, 0.5], [3, 3, 5]]"], "input 'tokens': the model expects integers"
    ),
  ])
  func badModelsAndArgumentsExitTwo(arguments: [String], message: String) throws {
    let result = try gradstep([model(arguments[0])] + arguments.dropFirst() + ["--json"])
    #expect(result.status == .exited(2))
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }

  @Test func filesThatAreNotModelsExitTwo() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-models-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = try Data(contentsOf: URL(fileURLWithPath: model("mlp_torchscript")))
    let cases: [(String, Data, String)] = [
      ("truncated.onnx", original.prefix(original.count / 2), "not a readable ONNX model"),
      ("text.onnx", Data("x = 0.5\n".utf8), "not an ONNX model: it is text"),
      (
        "mlp_external.onnx", try Data(contentsOf: URL(fileURLWithPath: model("mlp_external"))),
        "external data"
      ),
    ]
    for (name, data, message) in cases {
      let path = directory.appendingPathComponent(name)
      try data.write(to: path)
      let result = try gradstep([path.path, "--headless"])
      #expect(result.status == .exited(2), "\(name)")
      #expect(result.standardError.contains(message), "\(name): \(result.standardError)")
    }
  }
}
