import Autodiff
import Testing

@testable import Visualizer

@Suite struct TensorGridTests {
  private func grid(_ tensor: Tensor, full: Bool = false, width: Int = 80, maxRows: Int = 8) -> [String] {
    TensorGrid(tensor, fullPrecision: full, width: width, maxRows: maxRows).lines
  }

  @Test func aMatrixIsOneRowPerLineAlignedOnThePoint() {
    let matrix = Tensor(shape: [2, 3], scalars: [0.05, -0.55, 0.9, 0.37500000000000006, -10.5, 0.875])
    #expect(grid(matrix) == ["[[0.05   -0.55 0.9  ]", " [0.375 -10.5  0.875]]"])
  }

  @Test func scalarsAreFullAndVectorsOneLine() {
    #expect(grid(Tensor(3.297442541400256)) == ["3.297442541400256"])
    #expect(grid(Tensor([1, -2.5])) == ["[1.0 -2.5]"])
    #expect(grid(Tensor([1.0 / 3]), full: true) == ["[0.3333333333333333]"])
    #expect(grid(Tensor([1.0 / 3])) == ["[0.33333]"])
  }

  @Test func manyRowsAreElidedInTheMiddle() {
    let tall = Tensor(shape: [10, 1], scalars: (0..<10).map(Double.init))
    #expect(grid(tall, maxRows: 4) == ["[[0.0]", " [1.0]", "  …", " [9.0]]"])
  }

  @Test func wideRowsLeaveColumnsOutButNeverCutANumber() {
    let wide = Tensor(shape: [1, 20], scalars: (0..<20).map { Double($0) + 0.125 })
    let lines = grid(wide, width: 40)
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(lines == ["[[0.125 1.125 2.125 3.125 … 19.125]]"])
    #expect(grid(wide, width: 12) == ["[[0.125 …]]"])
  }

  @Test func aMillionElementVectorFormatsOnlyWhatCanShow() {
    let lines = grid(Tensor(shape: [1_000_000], scalars: (0..<1_000_000).map(Double.init)), width: 30)
    #expect(lines == ["[0.0 1.0 2.0 3.0 4.0 … 1e+06]"])
  }

  @Test func higherRanksNestTheirBrackets() {
    let cube = Tensor(shape: [2, 2, 1], scalars: [1, 2, 3, 4])
    #expect(grid(cube) == ["[[[1.0]", "  [2.0]]", " [[3.0]", "  [4.0]]]"])
  }
}
