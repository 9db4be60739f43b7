import Autodiff

/// ONNX `Resize` (`nn.Upsample`, `F.interpolate`), axis by axis. In `nearest` mode each output
/// position copies the input position its coordinate maps to, as Autodiff's `GetItem` with a list
/// of positions (so the gradient sums over the copies); in `linear` mode (bilinear) it mixes the
/// two neighbours of its coordinate, `GetItem`s times constant weights, added. Scales or sizes are
/// constants; every `coordinate_transformation_mode` but tf_crop_and_resize and every
/// `nearest_mode`. The cubic mode is refused.
enum ResizeOperator: OnnxOperator {
  static let opType = "Resize"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    try node.expectInputs(1, 4)
    let mode = try node.string("mode", default: "nearest")
    guard mode == "nearest" || mode == "linear" else {
      throw node.error("mode \(mode) is not supported (nearest or linear; bicubic upsampling is not)")
    }
    let transform = try node.string("coordinate_transformation_mode", default: "half_pixel")
    let rounding = try node.string("nearest_mode", default: "round_prefer_floor")
    _ = try node.float("cubic_coeff_a", default: -0.75)
    _ = try node.float("extrapolation_value", default: 0)
    _ = try node.int("exclude_outside", default: 0)
    guard try node.int("antialias", default: 0) == 0 else {
      throw node.error("attribute antialias is not supported")
    }
    guard try node.string("keep_aspect_ratio_policy", default: "stretch") == "stretch" else {
      throw node.error("attribute keep_aspect_ratio_policy is not supported (only stretch)")
    }
    guard try node.ints("axes") == nil else { throw node.error("attribute axes is not supported") }
    var x = try node.variable(0)
    let rank = x.shape.count
    let scales = node.has(2) ? try node.constant(2, "scales").scalars : []
    let sizes = node.has(3) ? try node.integers(3, "sizes") : []
    let (outputs, factors): ([Int], [Double])
    if !sizes.isEmpty {
      guard sizes.count == rank, sizes.allSatisfy({ $0 > 0 }) else {
        throw node.error("bad sizes \(sizes) for rank \(rank)")
      }
      outputs = sizes
      factors = zip(sizes, x.shape).map { Double($0) / Double($1) }
    } else {
      guard scales.count == rank, scales.allSatisfy({ $0 > 0 }) else {
        throw node.error("expected \(rank) positive scales or sizes, got scales \(scales)")
      }
      outputs = zip(x.shape, scales).map { Int((Double($0) * $1).rounded(.down)) }
      factors = scales
    }
    for axis in 0..<rank where outputs[axis] != x.shape[axis] || factors[axis] != 1 {
      var coordinates = [Double]()
      for position in 0..<outputs[axis] {
        coordinates.append(
          try source(
            position, transform, scale: factors[axis], length: x.shape[axis], output: outputs[axis], node))
      }
      x =
        mode == "nearest"
        ? try nearest(x, axis: axis, coordinates, rounding, node)
        : try linear(x, axis: axis, coordinates, node)
    }
    return [.variable(x)]
  }

  /// `x` at the positions nearest to `coordinates` along `axis`.
  private static func nearest(
    _ x: Variable, axis: Int, _ coordinates: [Double], _ rounding: String, _ node: NodeContext
  ) throws(ModelImportError) -> Variable {
    var positions = [Int]()
    for coordinate in coordinates {
      positions.append(min(max(try round(coordinate, rounding, node), 0), x.shape[axis] - 1))
    }
    return try pick(x, axis: axis, positions, node)
  }

  /// `x` interpolated linearly at `coordinates` along `axis` (clamped to the edges).
  private static func linear(_ x: Variable, axis: Int, _ coordinates: [Double], _ node: NodeContext)
    throws(ModelImportError) -> Variable
  {
    let last = Double(x.shape[axis] - 1)
    let clamped = coordinates.map { min(max($0, 0), last) }
    let below = clamped.map { Int($0.rounded(.down)) }
    let above = below.map { min($0 + 1, x.shape[axis] - 1) }
    let fractions = zip(clamped, below).map { $0 - Double($1) }
    var shape = Array(repeating: 1, count: x.shape.count)
    shape[axis] = coordinates.count
    let lower = Variable(Tensor(shape: shape, scalars: fractions.map { 1 - $0 }), name: "weights")
    let upper = Variable(Tensor(shape: shape, scalars: fractions), name: "weights")
    let left = try node.call(Mul(), [try pick(x, axis: axis, below, node), lower])
    let right = try node.call(Mul(), [try pick(x, axis: axis, above, node), upper])
    return try node.call(Add(), [left, right])
  }

  /// `x` at `positions` along `axis`.
  private static func pick(_ x: Variable, axis: Int, _ positions: [Int], _ node: NodeContext)
    throws(ModelImportError) -> Variable
  {
    var items = Array(repeating: IndexItem.all, count: axis + 1)
    items[axis] = .indices(positions)
    return try node.call(GetItem(items), [x])
  }

  /// The input coordinate of output `position` on an axis of `length` resized to `output`.
  private static func source(
    _ position: Int, _ transform: String, scale: Double, length: Int, output: Int, _ node: NodeContext
  ) throws(ModelImportError) -> Double {
    let i = Double(position)
    switch transform {
    case "asymmetric": return i / scale
    case "half_pixel": return (i + 0.5) / scale - 0.5
    case "pytorch_half_pixel": return output > 1 ? (i + 0.5) / scale - 0.5 : 0
    case "tf_half_pixel_for_nn": return (i + 0.5) / scale
    case "align_corners": return output == 1 ? 0 : i * Double(length - 1) / Double(output - 1)
    case "half_pixel_symmetric":
      let adjustment = Double(output) / (scale * Double(length))
      let centre = Double(length) / 2 * (1 - adjustment)
      return centre + (i + 0.5) / scale - 0.5
    default: throw node.error("coordinate_transformation_mode \(transform) is not supported")
    }
  }

  /// `coordinate` rounded to a position as `nearest_mode` says.
  private static func round(_ coordinate: Double, _ mode: String, _ node: NodeContext)
    throws(ModelImportError)
    -> Int
  {
    let below = coordinate.rounded(.down)
    let isHalf = coordinate - below == 0.5
    switch mode {
    case "floor": return Int(below)
    case "ceil": return Int(coordinate.rounded(.up))
    case "round_prefer_floor": return Int(isHalf ? below : coordinate.rounded())
    case "round_prefer_ceil": return Int(isHalf ? below + 1 : coordinate.rounded())
    default: throw node.error("nearest_mode \(mode) is not supported")
    }
  }
}
