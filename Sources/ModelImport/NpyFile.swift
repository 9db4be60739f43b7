import Autodiff
import Foundation

/// Reads a NumPy `.npy` file (format 1.0–3.0) of float32, float64, int32 or int64 elements (the
/// integers for token inputs) in C order, as `np.save` writes it, into a `Tensor`.
public enum NpyFile {
  /// The array in `bytes`; `name` names the file in errors.
  public static func tensor(from bytes: [UInt8], name: String) throws(ModelImportError) -> Tensor {
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
      throw ModelImportError("\(name): not a NumPy .npy file (it does not start with \\x93NUMPY)")
    }
    let major = bytes[6]
    let lengthBytes = major == 1 ? 2 : 4
    guard (1...3).contains(major), bytes.count >= 8 + lengthBytes else {
      throw ModelImportError("\(name): .npy format version \(major) is not supported")
    }
    let headerLength = bytes[8..<(8 + lengthBytes)].reversed().reduce(0) { $0 << 8 | Int($1) }
    let dataStart = 8 + lengthBytes + headerLength
    guard dataStart <= bytes.count else { throw ModelImportError("\(name): the .npy header is truncated") }
    let header = String(decoding: bytes[(8 + lengthBytes)..<dataStart], as: UTF8.self)
    let descr = try field("descr", in: header, name: name)
    guard try field("fortran_order", in: header, name: name) == "False" else {
      throw ModelImportError(
        "\(name): the array is in Fortran order; save it in C order (np.ascontiguousarray)")
    }
    let shape = try parseShape(try field("shape", in: header, name: name), name: name)
    let width: Int
    switch descr {
    case "'<f4'", "'<i4'": width = 4
    case "'<f8'", "'<i8'": width = 8
    default:
      throw ModelImportError(
        "\(name): element type \(descr) is not supported (float32 '<f4', float64 '<f8', int32 '<i4' or "
          + "int64 '<i8')")
    }
    let isInteger = descr.hasPrefix("'<i")
    let count = Tensor.elementCount(of: shape)
    guard bytes.count - dataStart == count * width else {
      throw ModelImportError(
        "\(name): shape \(formatShape(shape)) needs \(count * width) bytes of data, the file has "
          + "\(bytes.count - dataStart)")
    }
    var values = [Double]()
    values.reserveCapacity(count)
    for element in 0..<count {
      let start = dataStart + element * width
      var bits: UInt64 = 0
      for k in 0..<width { bits |= UInt64(bytes[start + k]) << (8 * UInt64(k)) }
      switch (isInteger, width) {
      case (true, 4): values.append(Double(Int32(bitPattern: UInt32(bits))))
      case (true, _): values.append(Double(Int64(bitPattern: bits)))
      case (false, 4): values.append(Double(Float(bitPattern: UInt32(bits))))
      case (false, _): values.append(Double(bitPattern: bits))
      }
    }
    return shape.isEmpty ? Tensor(values[0]) : Tensor(shape: shape, scalars: values)
  }

  /// The text of `key`'s value in the header's Python dict literal.
  private static func field(_ key: String, in header: String, name: String) throws(ModelImportError) -> String
  {
    guard let keyRange = header.range(of: "'\(key)':") else {
      throw ModelImportError("\(name): the .npy header has no '\(key)'")
    }
    var rest = header[keyRange.upperBound...].drop { $0 == " " }
    if rest.first == "(" {
      guard let close = rest.firstIndex(of: ")") else { throw ModelImportError("\(name): bad .npy shape") }
      return String(rest[...close])
    }
    rest = rest.prefix { $0 != "," && $0 != "}" }
    return rest.trimmingCharacters(in: .whitespaces)
  }

  /// `(2, 3)` → `[2, 3]`, `()` → `[]`, `(4,)` → `[4]`.
  private static func parseShape(_ text: String, name: String) throws(ModelImportError) -> [Int] {
    var shape = [Int]()
    for part in text.dropFirst().dropLast().split(separator: ",") {
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      guard let length = Int(trimmed), length >= 0 else {
        throw ModelImportError("\(name): bad .npy shape \(text)")
      }
      shape.append(length)
    }
    return shape
  }
}
