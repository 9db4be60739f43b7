import Autodiff
import Foundation
import Testing

/// The documented corner cases of the model ops: ties, closed intervals, stability at ±1000,
/// Python's slice rules, repeated positions, and the errors that name shapes.
@Suite struct ModelOpBehaviourTests {
  private func gradient(_ x: Tensor, _ f: (Variable) -> Variable) -> Tensor {
    let v = Variable(x)
    f(v).backward()
    return v.grad!
  }

  @Test func maxSplitsTheGradientEvenlyAmongTies() {
    let x = Tensor([[1, 3, 3], [2, 0, 2]])
    #expect(gradient(x) { amax($0) } == Tensor([[0, 0.5, 0.5], [0, 0, 0]]))
    #expect(gradient(x) { sum(amax($0, axes: [1])) } == Tensor([[0, 0.5, 0.5], [0.5, 0, 0.5]]))
    #expect(gradient(x) { sum(amin($0, axes: [0])) } == Tensor([[1, 0, 0], [0, 1, 1]]))
  }

  @Test func maximumAndMinimumHalveTies() {
    let (a, b) = (Variable(Tensor([1, 2, 3])), Variable(Tensor([3, 2, 1])))
    sum(maximum(a, b)).backward()
    #expect(a.grad == Tensor([0, 0.5, 1]))
    #expect(b.grad == Tensor([1, 0.5, 0]))
    let (c, d) = (Variable(Tensor([1, 2, 3])), Variable(2.0))
    sum(minimum(c, d)).backward()
    #expect(c.grad == Tensor([1, 0.5, 0]))
    #expect(d.grad == Tensor(1.5))
  }

  @Test func absHasZeroGradientAtZeroAndClipNoneAtItsBounds() {
    #expect(gradient(Tensor([-2, 0, 3])) { sum(absolute($0)) } == Tensor([-1, 0, 1]))
    #expect(gradient(Tensor([-2, -1, 0, 1, 2])) { sum(clip($0, -1, 1)) } == Tensor([0, 0, 1, 0, 0]))
    #expect(clip(Variable(Tensor([-2, 0.5, 2])), -1, 1).data == Tensor([-1, 0.5, 1]))
  }

  @Test func softmaxFamilyIsFiniteAtPlusMinusAThousand() {
    let x = Tensor([[1000, -1000, 0], [-1000, -1000, -1000]])
    let weights = Variable(Tensor([[1, 2, 3], [4, 5, 6]]))
    for f: (Variable) -> Variable in [
      { sum(softmax($0, axis: 1) * weights) }, { sum(logSoftmax($0, axis: 1) * weights) },
      { sum(logSumExp($0, axes: [1])) }, { logSumExp($0) },
    ] {
      let g = gradient(x, f)
      #expect(g.scalars.allSatisfy { $0.isFinite })
    }
    #expect(softmax(Variable(x), axis: 1).data[[0, 0]] == 1)
    #expect(logSumExp(Variable(x), axes: [1]).data == Tensor([1000, -1000 + Foundation.log(3)]))
    #expect(logSoftmax(Variable(x), axis: 1).data[[0, 1]] == -2000)
  }

  @Test func slicesFollowPython() throws {
    let x = Tensor((0..<10).map(Double.init))
    func items(_ item: IndexItem) throws -> [Double] { try x.indexed([item]).scalars }
    #expect(try items(.slice(start: nil, stop: nil, step: -1)) == (0..<10).reversed().map(Double.init))
    #expect(try items(.slice(start: -3, stop: nil, step: nil)) == [7, 8, 9])
    #expect(try items(.slice(start: 8, stop: 2, step: -3)) == [8, 5])
    #expect(try items(.slice(start: -100, stop: 100, step: 4)) == [0, 4, 8])
    #expect(try items(.slice(start: 5, stop: 2, step: nil)) == [])
    #expect(try items(.index(-1)) == [9])
    let m = Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init))
    #expect(try m.indexed([.all, .index(1)]) == Tensor([1, 5, 9]))
    #expect(try m.indexed([.index(1)]) == Tensor([4, 5, 6, 7]))
    #expect(try m.indexed([.index(2), .index(-1)]) == Tensor(11))
    #expect(
      try m.indexed([.slice(start: 1, stop: 3, step: nil), .indices([3, 0])]) == Tensor([[7, 4], [11, 8]]))
  }

  /// Lists of positions are paired as NumPy pairs them; the shapes below are NumPy's.
  @Test func listsOfPositionsArePairedAsNumPyPairsThem() throws {
    let m = Tensor(shape: [3, 4], scalars: (0..<12).map(Double.init))
    #expect(try m.indexed([.indices([0, 1, 2]), .indices([3, 0, 3])]) == Tensor([3, 4, 11]))
    #expect(try m.indexed([.indices([2]), .indices([0, 1, -1])]) == Tensor([8, 9, 11]))
    #expect(try m.indexed([.index(1), .indices([0, 3])]) == Tensor([4, 7]))
    #expect(try m.indexed([.indices([]), .indices([1])]).shape == [0])
    let z = Tensor(shape: [2, 3, 2], scalars: (0..<12).map(Double.init))
    // Lists standing together: the paired axis in their place.
    #expect(try z.indexed([.all, .indices([0, 2]), .indices([1, 1])]) == Tensor([[1, 5], [7, 11]]))
    // Separated by a slice: the paired axis first (np.arange(12).reshape(2, 3, 2)[[1, 0], :, [0, 1]]).
    #expect(
      try z.indexed([.indices([1, 0]), .all, .indices([0, 1])]) == Tensor([[6, 8, 10], [1, 3, 5]]))
    // A whole number counts as a list when there is one: NumPy's (1, 3), where PyTorch gives (3, 1).
    #expect(try z.indexed([.index(0), .all, .indices([1])]) == Tensor([[1, 3, 5]]))
    let g = gradient(m) { sum(getItem($0, [.indices([0, 1, 0]), .indices([3, 0, 3])])) }
    #expect(g == Tensor([[0, 0, 0, 2], [1, 0, 0, 0], [0, 0, 0, 0]]))
  }

  @Test func listsOfOtherLengthsCannotBePaired() {
    let error = #expect(throws: ShapeError.self) {
      try GetItem([.indices([0, 1]), .indices([0, 1, 2])]).outputShapes(for: [[3, 3]])
    }
    #expect(
      error?.description
        == "GetItem: lists of positions of lengths 2 and 3 cannot be paired (each list needs the same length, or length 1)"
    )
  }

  @Test func repeatedPositionsAddTheirGradients() {
    let g = gradient(Tensor([1, 2, 3])) { sum(getItem($0, [.indices([0, 2, 0, 0])])) }
    #expect(g == Tensor([3, 0, 1]))
  }

  @Test func indexingErrorsNameTheShape() {
    func reason(_ items: [IndexItem], _ shape: [Int]) -> String? {
      do {
        _ = try GetItem(items).outputShapes(for: [shape])
        return nil
      } catch { return error.description }
    }
    #expect(reason([.all, .index(3)], [3, 3]) == "GetItem: index 3 out of range for axis 1 of shape (3, 3)")
    #expect(reason([.index(-4)], [3, 3]) == "GetItem: index -4 out of range for axis 0 of shape (3, 3)")
    #expect(
      reason([.index(0), .index(0), .index(0)], [3, 3]) == "GetItem: too many indices (3) for shape (3, 3)")
    #expect(
      reason([.slice(start: nil, stop: nil, step: 0)], [3]) == "GetItem: slice step cannot be zero (axis 0)")
  }

  @Test func concatJoinsAnyNumberAndRejectsMismatches() throws {
    let (a, b, c) = (
      Variable(Tensor([[1, 2]])), Variable(Tensor([[3, 4], [5, 6]])), Variable(Tensor([[7, 8]]))
    )
    let y = concat([a, b, c], axis: 0)
    #expect(y.data == Tensor([[1, 2], [3, 4], [5, 6], [7, 8]]))
    sum(y * Variable(Tensor([[1, 2], [3, 4], [5, 6], [7, 8]]))).backward()
    #expect(b.grad == Tensor([[3, 4], [5, 6]]))
    #expect(c.grad == Tensor([[7, 8]]))
    #expect(throws: ShapeError.self) { try Concat(axis: 1).outputShapes(for: [[1, 2], [2, 2]]) }
    do {
      _ = try Concat(axis: 0).outputShapes(for: [[2, 3], [2, 4]])
    } catch {
      #expect(error.description == "Concat: cannot concatenate shapes (2, 3) and (2, 4) along axis 0")
    }
  }

  @Test func variableExponentGradients() {
    let (x, y) = (Variable(Tensor([2, 0, 3])), Variable(Tensor([3, 2, 0.5])))
    sum(pow(x, y)).backward()
    #expect(x.grad == Tensor([12, 0, 0.5 * Foundation.pow(3, -0.5)]))
    #expect(y.grad == Tensor([8 * Foundation.log(2), 0, Foundation.pow(3, 0.5) * Foundation.log(3)]))
  }

  /// `max` and `min` over an empty axis are errors, as PyTorch's `amax`; `mean`'s nan and
  /// `logsumexp`'s −∞ of nothing are values, and reducing only non-empty axes is fine.
  @Test func theExtremeOfNothingIsAnError() throws {
    #expect(
      throws: ShapeError(
        operation: "Max", shapes: [[2, 0]],
        reason: "axis 1 of shape (2, 0) is empty, and the max of no elements is undefined")
    ) { try Max(axes: [-1]).outputShapes(for: [[2, 0]]) }
    #expect(throws: ShapeError.self) { try Min().outputShapes(for: [[0]]) }
    #expect(try Max(axes: [0]).outputShapes(for: [[2, 0]]) == [[0]])
    #expect(try Mean().outputShapes(for: [[0]]) == [[]])
    #expect(try LogSumExp(axes: [0]).outputShapes(for: [[0]]) == [[]])
  }

  /// PyTorch takes x's gradient of xʸ as 0 where y = 0, even at x = 0 where y·x^(y−1) is 0·∞.
  @Test func zeroToTheZeroHasZeroBaseGradient() {
    let (x, y) = (Variable(Tensor([0, 2])), Variable(Tensor([0, 0])))
    sum(pow(x, y)).backward(createGraph: true)
    #expect(x.grad == Tensor([0, 0]))
    #expect(y.grad == Tensor([0, Foundation.log(2)]))
    let f = PowVariable()
    #expect(
      f.localFactors(input: 0, x.data, y.data, Tensor([1, 1])).reduce(Tensor([1, 1]), *) == Tensor([0, 0]))
  }

  @Test func meanDividesByTheCountAveraged() {
    #expect(
      gradient(Tensor([[1, 2, 3], [4, 5, 6]])) { sum(mean($0, axes: [1])) }
        == Tensor(repeating: 1.0 / 3, shape: [2, 3]))
    #expect(
      mean(Variable(Tensor([[1, 2, 3], [4, 5, 6]])), axes: [0], keepDims: true).data
        == Tensor([[2.5, 3.5, 4.5]]))
  }

  @Test func maxsRuleNamesTheArgMaxAndSurvivesNaN() throws {
    let y = amax(Variable(Tensor([[0.5, -1], [1.7, 0.2]])))
    let max = try #require(y.creator as? Max)
    #expect(max.gradientFormula(input: 0, names: ["z"]) == "gy at the arg max z[1, 0] = 1.7, 0 elsewhere")
    let nan = try #require(amax(Variable(Tensor([Double.nan, .nan]))).creator as? Max)
    #expect(
      nan.gradientFormula(input: 0, names: ["z"]) == "gy at the arg max (none: z holds nan), 0 elsewhere")
  }

  @Test func gradWithRespectToAComputedVariable() {
    let x = Variable(1.5)
    let a = square(x)
    let y = exp(a) * 2
    #expect(grad(y, a).data == Tensor(2 * Foundation.exp(2.25)))
    let dy = grad(y, a, createGraph: true)
    #expect(abs(grad(dy, x).data.scalar! - 2 * 2 * 1.5 * Foundation.exp(2.25)) < 1e-12)
  }
}
