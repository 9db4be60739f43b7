/// y = a·b, the matrix product (1-d operands are vectors, as NumPy's `matmul`).
public final class MatMul: Function {
  /// Creates the function, not yet called.
  override public init() {}

  /// Two inputs.
  override public var arity: Int? { 2 }

  /// The product's shape, when the inner lengths agree.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try Tensor.matmulShape(inputShapes[0], inputShapes[1])]
  }

  /// The product.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].matmul(xs[1]) }]
  }

  /// `gy·bᵀ` and `aᵀ·gy`, computed on 2-d views of vector operands and reshaped back.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let a = inputs[0].data
    let b = inputs[1].data
    return checked { () throws(ShapeError) in
      let a2 = a.rank == 1 ? try a.reshaped([1, a.count]) : a
      let b2 = b.rank == 1 ? try b.reshaped([b.count, 1]) : b
      let gy2 = try gys[0].reshaped([a2.shape[0], b2.shape[1]])
      let ga = try gy2.matmul(try b2.transposed()).reshaped(a.shape)
      let gb = try a2.transposed().matmul(gy2).reshaped(b.shape)
      return [ga, gb]
    }
  }

  /// `gy·bᵀ` and `aᵀ·gy` on variables, with vector operands reshaped to matrices and back.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    let (a, b) = (firstInput!, secondInput!)
    let a2 = a.data.rank == 1 ? reshape(a, [1, a.data.count]) : a
    let b2 = b.data.rank == 1 ? reshape(b, [b.data.count, 1]) : b
    let shape = [a2.shape[0], b2.shape[1]]
    let gy = gys[0].shape == shape ? gys[0] : reshape(gys[0], shape)
    let ga = matmul(gy, transpose(b2))
    let gb = matmul(transpose(a2), gy)
    return [ga.shape == a.shape ? ga : reshape(ga, a.shape), gb.shape == b.shape ? gb : reshape(gb, b.shape)]
  }

  /// `a @ b`.
  override public func expression(_ names: [String]) -> String { "\(names[0]) @ \(names[1])" }

  /// `gy @ bᵀ` for a, `aᵀ @ gy` for b.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    index == 0 ? "gy @ \(names[1])ᵀ" : "\(names[0])ᵀ @ gy"
  }
}

/// `MatMul()(a, b)`: the matrix product.
public func matmul(_ a: Variable, _ b: Variable) -> Variable { MatMul()(a, b) }
