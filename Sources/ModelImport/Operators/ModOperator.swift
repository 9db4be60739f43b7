import Autodiff

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// ONNX `Mod`: the remainder of a / b, a constant computed at import time (torch exports it for
/// shape arithmetic such as `embed_dim % num_heads`). With `fmod` 0 (integers) it takes the sign
/// of the divisor, as Python's `%`; with `fmod` 1 the sign of the dividend, as C's `fmod`.
enum ModOperator: OnnxOperator {
  static let opType = "Mod"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    let isFmod = try node.int("fmod", default: 0) != 0
    if !isFmod, node.inputs.count == 2, node.inputs[1]?.data.scalars.contains(0) == true {
      throw node.error("integer Mod by zero")
    }
    return try DataElementwise.binary(node) { a, b in
      isFmod ? fmod(a, b) : a - (a / b).rounded(.down) * b
    }
  }
}
