import Autodiff
import Foundation
import GraphProgram
import Testing

/// Programs using the model ops give PyTorch's float64 outputs and gradients to 1e-9. The
/// reference values are in `TorchReference/expected.json`, written by `TorchReference/reference.py`
/// (which runs any GradStep program with PyTorch); these tests need no Python.
@Suite struct TorchReferenceTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("TorchReference")

  /// Each program's reference: its output and each input's gradient, as shape and values.
  nonisolated(unsafe) static let expected: [String: [String: Any]] = {
    let data = try! Data(contentsOf: directory.appendingPathComponent("expected.json"))
    let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    return root["programs"] as! [String: [String: Any]]
  }()

  @Test func everyProgramHereHasAReference() throws {
    let programs = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { $0.hasSuffix(".grad") }
    #expect(!programs.isEmpty)
    #expect(Set(programs).isSubset(of: Set(Self.expected.keys)))
  }

  @Test(arguments: expected.keys.sorted())
  func matchesPyTorch(file: String) throws {
    let local = Self.directory.appendingPathComponent(file)
    let url =
      FileManager.default.fileExists(atPath: local.path)
      ? local : examplesDirectory.appendingPathComponent(file)
    let program = try Program.parse(try String(contentsOf: url, encoding: .utf8))
    let reference = Self.expected[file]!
    expectClose(program.output.data, reference["output"], "\(file): output")
    program.output.backward()
    let gradients = reference["gradients"] as! [String: Any]
    #expect(Set(gradients.keys) == Set(program.inputs.map(\.name)))
    for (name, variable) in program.inputs {
      let gradient = variable.grad ?? Tensor(repeating: 0, shape: variable.shape)
      expectClose(gradient, gradients[name], "\(file): gradient of \(name)")
    }
  }

  private func expectClose(_ actual: Tensor, _ reference: Any?, _ what: String) {
    let entry = reference as! [String: Any]
    #expect(actual.shape == entry["shape"] as! [Int], "\(what)")
    let values = (entry["values"] as! [NSNumber]).map(\.doubleValue)
    #expect(actual.scalars.count == values.count, "\(what)")
    for (a, b) in zip(actual.scalars, values) {
      #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(what): \(a) vs PyTorch \(b)")
    }
  }
}
