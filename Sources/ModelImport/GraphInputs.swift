import Autodiff

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The values of a model's graph inputs: given ones, checked against the declared shape, or a
/// deterministic N(0, 1) pattern with symbolic dimensions (the batch) taken as 1.
enum GraphInputs {
  /// ONNX element types of float inputs: float32, float16, float64.
  static let floatTypes: Set<Int32> = [1, 10, 11]
  /// ONNX element types of integer inputs: int32, int64.
  static let integerTypes: Set<Int32> = [6, 7]

  /// An input's declared shape: a length per axis, `nil` for a symbolic one (`batch`).
  static func declaredShape(_ input: Onnx_ValueInfoProto) -> [Int?] {
    input.type.tensorType.shape.dim.map {
      if case .dimValue(let length) = $0.value, length >= 0 { Int(length) } else { nil }
    }
  }

  /// `(2, batch)`-style text of a declared shape, symbolic axes by their names.
  static func describe(_ input: Onnx_ValueInfoProto) -> String {
    let dims = input.type.tensorType.shape.dim.map {
      if case .dimValue(let length) = $0.value {
        String(length)
      } else {
        $0.dimParam.isEmpty ? "?" : $0.dimParam
      }
    }
    return dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.joined(separator: ", ") + ")"
  }

  /// The given value, checked against the declared shape, or the pattern; the note says when the
  /// pattern was used.
  static func value(for input: Onnx_ValueInfoProto, index: Int, given: Tensor?) throws(ModelImportError)
    -> (Tensor, note: String?)
  {
    let declared = declaredShape(input)
    if let given {
      let fits =
        given.shape.count == declared.count && zip(given.shape, declared).allSatisfy { $1 == nil || $0 == $1 }
      guard fits else {
        throw ModelImportError(
          "input '\(input.name)': the value has shape \(formatShape(given.shape)), but the model "
            + "expects \(describe(input))")
      }
      return (given, nil)
    }
    let shape = declared.map { $0 ?? 1 }
    let symbolic = declared.contains(nil) ? ", symbolic dimensions as 1" : ""
    let note =
      "input \(input.name) \(formatShape(shape)) filled with N(0, 1) from a fixed seed\(symbolic); "
      + "set it with --set \(input.name)=[…] or --input \(input.name)=FILE.npy"
    return (pattern(shape: shape, seed: UInt64(index)), note)
  }

  /// An integer input's value (indices, such as tokens): the given one, checked against the
  /// declared shape and to hold integers, or zeros (an index valid on any axis), noted.
  static func integerValue(for input: Onnx_ValueInfoProto, given: Tensor?) throws(ModelImportError)
    -> (Tensor, note: String?)
  {
    if let given {
      if let bad = given.scalars.first(where: { $0 != $0.rounded() || abs($0) >= 1e15 }) {
        throw ModelImportError(
          "input '\(input.name)': the model expects integers (\(TensorDecoding.typeName(input.type.tensorType.elemType))), "
            + "got \(formatConstant(bad))")
      }
      return try value(for: input, index: 0, given: given)
    }
    let declared = declaredShape(input)
    let shape = declared.map { $0 ?? 1 }
    let symbolic = declared.contains(nil) ? ", symbolic dimensions as 1" : ""
    let note =
      "input \(input.name) \(formatShape(shape)) filled with zeros (integers)\(symbolic); "
      + "set it with --set \(input.name)=[…] or --input \(input.name)=FILE.npy"
    return (
      shape.isEmpty
        ? Tensor(0)
        : Tensor(shape: shape, scalars: Array(repeating: 0, count: Tensor.elementCount(of: shape))), note
    )
  }

  /// Normal samples (Box–Muller on SplitMix64) of `shape`, the same on every run.
  static func pattern(shape: [Int], seed: UInt64) -> Tensor {
    var state = 0x9E37_79B9_7F4A_7C15 &* (seed &+ 1)
    func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return (Double(z >> 11) + 0.5) / Double(1 << 53)
    }
    let count = Tensor.elementCount(of: shape)
    var values = [Double]()
    values.reserveCapacity(count)
    while values.count < count {
      let radius = (-2 * log(uniform())).squareRoot()
      let angle = 2 * Double.pi * uniform()
      values.append(radius * cos(angle))
      if values.count < count { values.append(radius * sin(angle)) }
    }
    return shape.isEmpty ? Tensor(values[0]) : Tensor(shape: shape, scalars: values)
  }
}
