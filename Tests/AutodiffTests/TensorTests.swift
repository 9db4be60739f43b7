import Autodiff
import Testing

@Suite struct TensorTests {
  @Test func broadcastingFollowsNumPy() throws {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor([10, 20, 30])
    #expect((a + b).scalars == [11, 22, 33, 14, 25, 36])
    let column = Tensor(shape: [2, 1], scalars: [1, 2])
    #expect((a * column).scalars == [1, 2, 3, 8, 10, 12])
    #expect(try Tensor.broadcastShape([3, 1, 5], [4, 1]) == [3, 4, 5])
    #expect((Tensor(2) * a).shape == [2, 3])
  }

  @Test func incompatibleShapesSayWhichShapesMetWhere() {
    #expect(throws: ShapeError.self) { try Tensor.broadcastShape([2, 3], [4], operation: "Add") }
    do {
      _ = try Tensor.elementwise(
        Tensor(shape: [2, 3], scalars: Array(repeating: 0, count: 6)), Tensor([1, 2, 3, 4]), operation: "Mul",
        *)
      Issue.record("expected a shape error")
    } catch {
      #expect(error.description == "Mul: cannot broadcast shapes (2, 3) and (4,)")
    }
    #expect(throws: ShapeError.self) { try Tensor.matmulShape([2, 3], [2, 3]) }
    #expect(throws: ShapeError.self) { try Tensor([1, 2, 3]).reshaped([2, 2]) }
  }

  @Test func sumOverAxesWithAndWithoutKeepDims() throws {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(try a.sum() == Tensor(21))
    #expect(try a.sum(axes: [0]) == Tensor([5, 7, 9]))
    #expect(try a.sum(axes: [1], keepDims: true) == Tensor(shape: [2, 1], scalars: [6, 15]))
    #expect(try a.sum(axes: [-1]) == Tensor([6, 15]))
    #expect(throws: ShapeError.self) { try a.sum(axes: [2]) }
  }

  @Test func broadcastToAndSumToAreInverseInShape() throws {
    let v = Tensor([1, 2, 3])
    let b = try v.broadcast(to: [2, 3])
    #expect(b.scalars == [1, 2, 3, 1, 2, 3])
    #expect(try b.sum(to: [3]) == Tensor([2, 4, 6]))
    #expect(try b.sum(to: [1, 3]) == Tensor(shape: [1, 3], scalars: [2, 4, 6]))
    #expect(try b.sum(to: []) == Tensor(12))
    #expect(throws: ShapeError.self) { try v.broadcast(to: [2, 2]) }
  }

  @Test func reshapeTransposeAndMatmul() throws {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(try a.reshaped([3, -1]).shape == [3, 2])
    #expect(try a.transposed().scalars == [1, 4, 2, 5, 3, 6])
    let t = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init))
    let p = try t.transposed([1, 2, 0])
    #expect(p.shape == [3, 4, 2])
    #expect(p[[2, 1, 1]] == t[[1, 2, 1]])
    let w = Tensor([[1, 0], [0, 1], [1, 1]])
    #expect(try a.matmul(w) == Tensor([[4, 5], [10, 11]]))
    #expect(try a.matmul(Tensor([1, 1, 1])) == Tensor([6, 15]))
    #expect(try Tensor([1, 1]).matmul(a) == Tensor([5, 7, 9]))
  }

  /// `a @ bᵀ` and `aᵀ @ b` without the transposed copies give exactly (bit for bit) what the
  /// products of the copies give, and refuse operands that are not matrices of matching lengths.
  @Test func productsWithATransposedOperand() throws {
    let a = Tensor(shape: [3, 4], scalars: (0..<12).map { 0.1 * Double($0) - 0.37 })
    let b = Tensor(shape: [5, 4], scalars: (0..<20).map { 1 / (Double($0) + 1.3) })
    let c = Tensor(shape: [3, 5], scalars: (0..<15).map { Double($0 % 4) - 1.1 })
    #expect(try a.matmul(transposing: b) == a.matmul(b.transposed()))
    #expect(try c.transposedMatmul(a) == c.transposed().matmul(a))
    #expect(throws: ShapeError.self) { try a.matmul(transposing: c) }
    #expect(throws: ShapeError.self) { try a.matmul(transposing: Tensor([1, 2, 3, 4])) }
    #expect(throws: ShapeError.self) { try b.transposedMatmul(a) }
  }
}
