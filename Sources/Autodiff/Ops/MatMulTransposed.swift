/// y = a·bᵀ for matrices a (m, k) and b (n, k), computed without forming bᵀ: ONNX's `Gemm` with
/// `transB` (what PyTorch's `Linear`, x·Wᵀ, exports to). Shown as `MatMul` with the expression
/// `a @ bᵀ`; a layer's weight is then not copied into a transposed intermediate whose data and
/// grad would double the memory of the weights.
public final class MatMulTransposed: Function {
  /// Creates the function, not yet called.
  override public init() {}

  /// `MatMul`: the screens show the product, its expression the transpose.
  override public var name: String { "MatMul" }

  /// Two inputs.
  override public var arity: Int? { 2 }

  /// `(m, n)` for `(m, k)` and `(n, k)`.
  override public func outputShapes(for inputShapes: [[Int]]) throws(ShapeError) -> [[Int]] {
    [try Tensor.matmulTransposingShape(inputShapes[0], inputShapes[1])]
  }

  /// The product.
  override public func forward(_ xs: [Tensor]) -> [Tensor] {
    [checked { () throws(ShapeError) in try xs[0].matmul(transposing: xs[1]) }]
  }

  /// `gy·b` and `gyᵀ·a`.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    let a = inputs[0].data
    let b = inputs[1].data
    return checked { () throws(ShapeError) in [try gys[0].matmul(b), try gys[0].transposedMatmul(a)] }
  }

  /// `gy·b` and `gyᵀ·a` on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [matmul(gys[0], secondInput!), matmul(transpose(gys[0]), firstInput!)]
  }

  /// `a @ bᵀ`.
  override public func expression(_ names: [String]) -> String { "\(names[0]) @ \(names[1])ᵀ" }

  /// `gy @ b` for a, `gyᵀ @ a` for b.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    index == 0 ? "gy @ \(names[1])" : "gyᵀ @ \(names[0])"
  }
}

/// `MatMulTransposed()(a, b)`: a·bᵀ.
public func matmul(_ a: Variable, transposing b: Variable) -> Variable { MatMulTransposed()(a, b) }
