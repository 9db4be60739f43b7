import Foundation
import SwiftProtobuf

/// Bytes → `Onnx_ModelProto`, with the checks that tell a model from a file that is not one.
enum ModelDecoding {
  /// The most parameters (elements of float initializers) a model may have.
  static let parameterLimit = 10_000_000

  /// The model in `bytes`; `name` names the file in errors.
  static func decode(_ bytes: [UInt8], name: String) throws(ModelImportError) -> Onnx_ModelProto {
    if looksLikeText(bytes) {
      throw ModelImportError("\(name): not an ONNX model: it is text, and a model is a binary protobuf file")
    }
    let model: Onnx_ModelProto
    do {
      model = try Onnx_ModelProto(serializedBytes: bytes)
    } catch let error as BinaryDecodingError {
      throw ModelImportError("\(name): not a readable ONNX model (\(reason(error)))")
    } catch {
      throw ModelImportError("\(name): not a readable ONNX model (\(error))")
    }
    guard model.hasGraph, !model.graph.node.isEmpty || !model.graph.output.isEmpty else {
      throw ModelImportError("\(name): not an ONNX model (no graph); export one with torch.onnx.export")
    }
    guard !model.graph.output.isEmpty else { throw ModelImportError("\(name): the graph has no output") }
    if let other = model.opsetImport.first(where: { !$0.domain.isEmpty && $0.domain != "ai.onnx" }),
      model.graph.node.contains(where: { $0.domain == other.domain })
    {
      throw ModelImportError(
        "\(name): operators of domain '\(other.domain)' are not supported (only ai.onnx)")
    }
    try checkSize(model.graph, name: name)
    return model
  }

  /// Refuses a model with more than `parameterLimit` initializer elements before any is decoded.
  private static func checkSize(_ graph: Onnx_GraphProto, name: String) throws(ModelImportError) {
    var total = 0
    for initializer in graph.initializer {
      let count = initializer.dims.reduce(Int64(1)) {
        $0.multipliedReportingOverflow(by: max($1, 0)).partialValue
      }
      total += Int(clamping: count)
      if total > parameterLimit {
        throw ModelImportError(
          "\(name): the model has more than \(parameterLimit / 1_000_000) million parameters (the limit); "
            + "GradStep steps through small models")
      }
    }
  }

  /// Whether `bytes` are UTF-8 text of printable characters, lines and tabs, as no model is (its
  /// first byte is a field tag, 0x08 for `ir_version`).
  private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
    guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
      return false
    }
    return String(validating: bytes, as: UTF8.self) != nil
  }

  /// The decoder's error in words.
  private static func reason(_ error: BinaryDecodingError) -> String {
    switch error {
    case .truncated: "the file ends in the middle of a field: truncated?"
    case .malformedProtobuf: "it is not protobuf data"
    case .invalidUTF8: "a text field is not UTF-8"
    case .messageDepthLimit: "it nests too deeply"
    default: "\(error)"
    }
  }
}
