/// y = a·b for each matrix of two stacks of equal shape `(…, n, k)` and `(…, k, m)`: NumPy's
/// `matmul` on stacks (broadcast the stacks to one shape first, with `BroadcastTo`).
public final class BatchMatMul: Function {
  /// Creates the function, not yet called.
  override public init() {}

  /// Two inputs.
  override public var arity: Int? { 2 }

  /// `(…, n, m)`, when the stacks agree and the inner lengths match.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    let (a, b) = (inputShapes[0], inputShapes[1])
    guard a.count >= 3, a.count == b.count, a.dropLast(2) == b.dropLast(2), a[a.count - 1] == b[b.count - 2]
    else {
      throw ShapeError(
        operation: "BatchMatMul", shapes: inputShapes,
        reason:
          "stacks \(formatShape(a)) and \(formatShape(b)) do not multiply (equal stacks of (n, k) and (k, m))"
      )
    }
    return [Array(a.dropLast()) + [b[b.count - 1]]]
  }

  /// Each product.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    let shape = checked { () throws(ShapeError) in try outputShapes(for: [xs[0].shape, xs[1].shape])[0] }
    return [Self.product(xs[0], xs[1], transposeA: false, transposeB: false, shape: shape)]
  }

  /// `gy·bᵀ` and `aᵀ·gy`, matrix by matrix.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let (a, b) = (firstInput!.data, secondInput!.data)
    return [
      Self.product(gys[0], b, transposeA: false, transposeB: true, shape: a.shape),
      Self.product(a, gys[0], transposeA: true, transposeB: false, shape: b.shape),
    ]
  }

  /// `gy·bᵀ` and `aᵀ·gy` on variables, with the last two axes swapped by `Transpose`.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let (a, b) = (firstInput!, secondInput!)
    return [
      BatchMatMul()(gys[0], transpose(b, Self.swapLastTwo(b.shape.count))),
      BatchMatMul()(transpose(a, Self.swapLastTwo(a.shape.count)), gys[0]),
    ]
  }

  /// `a @ b`.
  override public func expression(_ names: [String]) -> String { "\(names[0]) @ \(names[1])" }

  /// `gy @ bᵀ` for a, `aᵀ @ gy` for b, matrix by matrix.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    index == 0 ? "gy @ \(names[1])ᵀ" : "\(names[0])ᵀ @ gy"
  }

  /// The axes with the last two swapped.
  static func swapLastTwo(_ rank: Int) -> [Int] { Array(0..<(rank - 2)) + [rank - 1, rank - 2] }

  /// The stack of products `op(a)·op(b)` of `shape`, where op transposes each matrix when asked.
  static func product(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool, shape: [Int])
    -> Tensor
  {
    let rank = shape.count
    let (n, m) = (shape[rank - 2], shape[rank - 1])
    let k = transposeA ? a.shape[rank - 2] : a.shape[rank - 1]
    let batches = shape.dropLast(2).reduce(1, *)
    let (x, y) = (a.scalars, b.scalars)
    var out = [Double](repeating: 0, count: batches * n * m)
    for batch in 0..<batches {
      let (aBase, bBase, outBase) = (batch * n * k, batch * k * m, batch * n * m)
      for i in 0..<n {
        for p in 0..<k {
          let left = x[aBase + (transposeA ? p * n + i : i * k + p)]
          if left == 0 { continue }
          for j in 0..<m {
            out[outBase + i * m + j] += left * y[bBase + (transposeB ? j * k + p : p * m + j)]
          }
        }
      }
    }
    return Tensor(shape: shape, scalars: out)
  }
}
