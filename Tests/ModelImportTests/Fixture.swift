import Autodiff
import Foundation
import ModelImport

/// A committed ONNX fixture and the PyTorch float64 results `export_fixtures.py` stored beside it.
struct Fixture {
  /// The folder holding the fixtures.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")

  let name: String

  /// The model file's bytes.
  var bytes: [UInt8] {
    get throws { [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name + ".onnx"))) }
  }

  /// The stored JSON: input values, the loss (the sum of the output) and every gradient, flat.
  var expected: (inputs: [String: Tensor], loss: Double, grads: [String: [Double]]) {
    get throws {
      let data = try Data(contentsOf: Self.folder.appendingPathComponent(name + ".json"))
      let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
      var inputs = [String: Tensor]()
      for (name, value) in object["inputs"] as! [String: Any] { inputs[name] = Self.tensor(value) }
      let grads = (object["grads"] as! [String: [NSNumber]]).mapValues { $0.map(\.doubleValue) }
      return (inputs, (object["loss"] as! NSNumber).doubleValue, grads)
    }
  }

  /// The model imported with the stored inputs, from the fixtures folder (for external data).
  func load(loss: LossChoice = .automatic) throws -> ImportedModel {
    try ModelImporter.load(
      bytes: bytes, name: name + ".onnx",
      options: ImportOptions(inputValues: expected.inputs, loss: loss, directory: Self.folder.path))
  }

  /// Nested JSON arrays of numbers as a tensor.
  static func tensor(_ value: Any) -> Tensor {
    var shape = [Int]()
    var level: Any = value
    while let array = level as? [Any] {
      shape.append(array.count)
      level = array.first ?? 0
    }
    func flatten(_ value: Any) -> [Double] {
      if let array = value as? [Any] { return array.flatMap(flatten) }
      return [(value as! NSNumber).doubleValue]
    }
    let scalars = flatten(value)
    return shape.isEmpty ? Tensor(scalars[0]) : Tensor(shape: shape, scalars: scalars)
  }
}
