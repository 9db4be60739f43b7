import Autodiff
import Foundation

/// Turns an ONNX `TensorProto` (an initializer, a `Constant`'s value) into a `Tensor` of `Double`:
/// float32, float64, float16, int8, uint8, int32, int64 and bool (0 or 1) elements, from the typed fields, `raw_data`
/// (little-endian) or an external data file beside the model.
struct TensorDecoding {
  /// The directory external data locations are relative to; `nil` when the model came from
  /// standard input (external data cannot be found then).
  let directory: String?

  /// The tensor `proto` holds; `what` names it in errors (`initializer 'l1.weight'`).
  func tensor(_ proto: Onnx_TensorProto, what: String) throws(ModelImportError) -> Tensor {
    let shape = try Self.shape(of: proto, what: what)
    let count = Tensor.elementCount(of: shape)
    guard let type = Onnx_TensorProto.DataType(rawValue: Int(proto.dataType)),
      let width = Self.byteWidth[type]
    else {
      throw ModelImportError(
        "\(what): element type \(Self.typeName(proto.dataType)) is not supported "
          + "(supported: float32, float64, float16, int8, uint8, int32, int64, bool)")
    }
    let scalars: [Double]
    if proto.dataLocation == .external {
      let bytes = try externalBytes(proto, expected: count * width, what: what)
      scalars = bytes.withUnsafeBytes { Self.decode($0, type: type) }
    } else if proto.hasRawData {
      guard proto.rawData.count == count * width else {
        throw ModelImportError(
          "\(what): raw_data holds \(proto.rawData.count) bytes, but shape \(formatShape(shape)) of "
            + "\(Self.typeName(proto.dataType)) needs \(count * width)")
      }
      scalars = proto.rawData.withUnsafeBytes { Self.decode($0, type: type) }
    } else {
      scalars = Self.typedValues(proto, type: type)
      guard scalars.count == count else {
        throw ModelImportError(
          "\(what): \(scalars.count) values for shape \(formatShape(shape)), which needs \(count)")
      }
    }
    return shape.isEmpty ? Tensor(scalars[0]) : Tensor(shape: shape, scalars: scalars)
  }

  /// The dimensions of `proto`, checked to be non-negative.
  static func shape(of proto: Onnx_TensorProto, what: String) throws(ModelImportError) -> [Int] {
    guard proto.dims.allSatisfy({ $0 >= 0 && $0 < Int64(Int32.max) }) else {
      throw ModelImportError("\(what): bad dimensions \(proto.dims)")
    }
    return proto.dims.map { Int($0) }
  }

  /// The bytes of an external tensor: `location` relative to the model's directory, from `offset`,
  /// `length` bytes (default: what the shape needs), in the file mapped into memory (read in place).
  private func externalBytes(_ proto: Onnx_TensorProto, expected: Int, what: String) throws(ModelImportError)
    -> Data
  {
    let entries = Dictionary(proto.externalData.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    guard let location = entries["location"], !location.isEmpty else {
      throw ModelImportError("\(what): external data without a location")
    }
    guard let directory else {
      throw ModelImportError(
        "\(what): its data is in the external file '\(location)', which cannot be found for a model "
          + "read from standard input")
    }
    let path = location.hasPrefix("/") ? location : directory + "/" + location
    let offset = Int(entries["offset"] ?? "0") ?? -1
    let length = entries["length"].map { Int($0) ?? -1 } ?? expected
    guard offset >= 0, length == expected else {
      throw ModelImportError(
        "\(what): external data in '\(location)' at offset \(entries["offset"] ?? "0") with length "
          + "\(entries["length"] ?? "?"), but the shape needs \(expected) bytes")
    }
    let file: Data
    do {
      file = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw ModelImportError("\(what): cannot open its external data file '\(path)'")
    }
    guard file.count >= offset + length else {
      throw ModelImportError(
        "\(what): the external data file '\(path)' ends before offset \(offset) + \(length) bytes")
    }
    let data = file[file.startIndex + offset..<file.startIndex + offset + length]
    return data
  }

  /// The element width in bytes of each supported type.
  private static let byteWidth: [Onnx_TensorProto.DataType: Int] = [
    .float: 4, .double: 8, .float16: 2, .int32: 4, .int64: 8, .int8: 1, .uint8: 1, .bool: 1,
  ]

  /// Little-endian elements of `type` as doubles, read in place (the bytes are not copied).
  private static func decode(_ bytes: UnsafeRawBufferPointer, type: Onnx_TensorProto.DataType) -> [Double] {
    let width = byteWidth[type]!
    let count = bytes.count / width
    return [Double](unsafeUninitializedCapacity: count) { values, initialized in
      for index in 0..<count {
        var bits: UInt64 = 0
        for k in 0..<width { bits |= UInt64(bytes[index * width + k]) << (8 * UInt64(k)) }
        values.initializeElement(at: index, to: value(bits: bits, type: type))
      }
      initialized = count
    }
  }

  /// One element from its little-endian bits.
  private static func value(bits: UInt64, type: Onnx_TensorProto.DataType) -> Double {
    switch type {
    case .float: Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
    case .double: Double(bitPattern: bits)
    case .float16: halfToDouble(UInt16(truncatingIfNeeded: bits))
    case .int32: Double(Int32(bitPattern: UInt32(truncatingIfNeeded: bits)))
    case .int8: Double(Int8(bitPattern: UInt8(truncatingIfNeeded: bits)))
    case .uint8: Double(UInt8(truncatingIfNeeded: bits))
    case .bool: bits == 0 ? 0 : 1
    default: Double(Int64(bitPattern: bits))
    }
  }

  /// The elements of the typed field that `type` uses (float16 travels in `int32_data` as bits, and
  /// so do the 8-bit types and bool).
  private static func typedValues(_ proto: Onnx_TensorProto, type: Onnx_TensorProto.DataType) -> [Double] {
    switch type {
    case .float: proto.floatData.map(Double.init)
    case .double: proto.doubleData
    case .float16: proto.int32Data.map { halfToDouble(UInt16(truncatingIfNeeded: $0)) }
    case .int32, .int8, .uint8: proto.int32Data.map(Double.init)
    case .bool: proto.int32Data.map { $0 == 0 ? 0 : 1 }
    default: proto.int64Data.map(Double.init)
    }
  }

  /// An IEEE 754 half-precision value, exactly.
  static func halfToDouble(_ bits: UInt16) -> Double {
    let sign: Double = bits & 0x8000 != 0 ? -1 : 1
    let exponent = Int((bits >> 10) & 0x1F)
    let fraction = Double(bits & 0x3FF)
    switch exponent {
    case 0: return sign * fraction * 0x1p-24
    case 31: return fraction == 0 ? sign * .infinity : .nan
    default:
      return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
    }
  }

  /// A data type's name for messages (`bool`, `string`, `type 99`).
  static func typeName(_ raw: Int32) -> String {
    let names: [Int32: String] = [
      1: "float32", 2: "uint8", 3: "int8", 4: "uint16", 5: "int16", 6: "int32", 7: "int64", 8: "string",
      9: "bool", 10: "float16", 11: "float64", 12: "uint32", 13: "uint64", 16: "bfloat16",
    ]
    return names[raw] ?? "type \(raw)"
  }
}
