import Autodiff
import Foundation
import Testing

/// Grouped (and depthwise) convolution, ceil-mode pooling and `Gather` with an index tensor:
/// backprop against central differences, the variable path (createGraph) against the tensor path,
/// and forward values worked by hand.
@Suite struct GroupedConvCeilPoolGatherTests {
  private func values(_ shape: [Int], seed: Double) -> Tensor {
    let count = Tensor.elementCount(of: shape)
    return Tensor(shape: shape, scalars: (0..<count).map { Foundation.sin(Double($0) * 1.7 + seed) * 1.3 })
  }

  /// `sum(f(x) · weights)` with fixed weights, so that every output element's gradient differs.
  private func weighted(_ y: Variable, seed: Double = 2) -> Variable {
    y * Variable(values(y.shape, seed: seed))
  }

  private func maxDifference(_ a: Tensor, _ b: Tensor) -> Double {
    a.shape == b.shape ? zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0 : .infinity
  }

  /// Channels, filters and groups: two groups, depthwise (groups = channels) with a channel
  /// multiplier of 2, and groups 1 for comparison.
  @Test(arguments: [(4, 6, 2), (3, 6, 3), (2, 3, 1)])
  func groupedConvGradientsMatchCentralDifferences(channels: Int, filters: Int, groups: Int) {
    let window = Window2D(kernel: [3, 2], stride: [2, 1], padding: [1, 0, 1, 1], dilation: [1, 2])
    let x = values([2, channels, 5, 5], seed: 0.3)
    let w = values([filters, channels / groups, 3, 2], seed: 1.1)
    let check = gradientCheck(inputs: [x, w]) { weighted(Conv2D(window, groups: groups)($0[0], $0[1])) }
    #expect(check.passed, "max abs error \(check.maxAbsoluteError)")
    let (xv, wv) = (Variable(x), Variable(w))
    let y = Conv2D(window, groups: groups)(xv, wv)
    let weights = Variable(values(y.shape, seed: 2))
    sum(y * weights).backward(createGraph: true)
    let tensorPath = Conv2D(window, groups: groups)
    _ = tensorPath(Variable(x), Variable(w))
    let expected = tensorPath.backward([weights.data])
    #expect(maxDifference(xv.grad!, expected[0]) < 1e-12)
    #expect(maxDifference(wv.grad!, expected[1]) < 1e-12)
  }

  /// Each group of filters sees only its channels: a grouped convolution equals separate
  /// convolutions of the channel halves, side by side.
  @Test func aGroupedConvolutionIsSeparateConvolutionsOfItsGroups() throws {
    let window = Window2D(kernel: [2, 2], padding: [1, 1, 0, 0])
    let x = values([1, 4, 3, 3], seed: 0.5)
    let w = values([2, 2, 2, 2], seed: 0.9)
    let grouped = Conv2D(window, groups: 2)(Variable(x), Variable(w)).data
    for group in 0..<2 {
      let part = try x.indexed([.all, .slice(start: 2 * group, stop: 2 * group + 2, step: nil)])
      let filter = try w.indexed([.slice(start: group, stop: group + 1, step: nil)])
      let alone = Conv2D(window)(Variable(part), Variable(filter)).data
      let slice = try grouped.indexed([.all, .slice(start: group, stop: group + 1, step: nil)])
      #expect(maxDifference(slice, alone) < 1e-12)
    }
    #expect(
      Conv2D(window, groups: 2).expression(["x", "w"])
        == "conv2d(x, w, kernel 2×2, padding 1,1,0,0, groups 2)")
  }

  @Test func groupsThatDoNotDivideTheChannelsAreAShapeError() {
    #expect(throws: ShapeError.self) {
      try Conv2D(Window2D(kernel: [1, 1]), groups: 2).outputShapes(for: [[1, 3, 2, 2], [2, 1, 1, 1]])
    }
    #expect(throws: ShapeError.self) {
      try Conv2D(Window2D(kernel: [1, 1]), groups: 2).outputShapes(for: [[1, 4, 2, 2], [2, 4, 1, 1]])
    }
  }

  /// Ceil mode keeps a last window that runs past the end; its missing taps are padding.
  @Test(arguments: [
    Window2D(kernel: [2, 2], stride: [2, 2], ceilMode: true),
    Window2D(kernel: [3, 3], stride: [2, 2], padding: [1, 1, 1, 1], ceilMode: true),
    Window2D(kernel: [3, 2], stride: [2, 3], padding: [1, 0, 0, 1], dilation: [1, 2], ceilMode: true),
  ])
  func ceilModePoolingGradientsMatchCentralDifferences(window: Window2D) throws {
    let x = values([2, 2, 6, 5], seed: 0.7)
    let max = gradientCheck(inputs: [x]) { weighted(MaxPool2D(window)($0[0])) }
    #expect(max.passed, "max pool: \(max.maxAbsoluteError)")
    for include in [false, true] {
      let average = gradientCheck(inputs: [x]) {
        weighted(AveragePool2D(window, countIncludePad: include)($0[0]))
      }
      #expect(average.passed, "average pool: \(average.maxAbsoluteError)")
      let xv = Variable(x)
      let y = AveragePool2D(window, countIncludePad: include)(xv)
      let weights = Variable(values(y.shape, seed: 2))
      sum(y * weights).backward(createGraph: true)
      let tensorPath = AveragePool2D(window, countIncludePad: include)
      _ = tensorPath(Variable(x))
      #expect(maxDifference(xv.grad!, tensorPath.backward([weights.data])[0]) < 1e-12)
    }
  }

  /// Sizes and values as PyTorch gives them (`ceil_mode=True`): 1×3 with a 1×2 window of stride 2
  /// has two windows, the last of one tap, which counts once even when padding counts.
  @Test func ceilModeByHand() throws {
    let x = Variable(Tensor(shape: [1, 1, 1, 3], scalars: [1, 2, 3]))
    let window = Window2D(kernel: [1, 2], stride: [1, 2], ceilMode: true)
    #expect(MaxPool2D(window)(x).data == Tensor(shape: [1, 1, 1, 2], scalars: [2, 3]))
    #expect(
      AveragePool2D(window, countIncludePad: true)(x).data == Tensor(shape: [1, 1, 1, 2], scalars: [1.5, 3]))
    let padded = Window2D(kernel: [1, 3], stride: [1, 2], padding: [0, 1, 0, 1], ceilMode: true)
    // torch.nn.functional.avg_pool2d(torch.tensor([[[[1., 2, 3, 4]]]]), (1, 3), (1, 2), (0, 1),
    // ceil_mode=True) → [1, 3, 2]: the last window reads 4, the padding, and one tap past the
    // padding, which does not count.
    #expect(
      AveragePool2D(padded, countIncludePad: true)(
        Variable(Tensor(shape: [1, 1, 1, 4], scalars: [1, 2, 3, 4]))
      )
      .data.scalars == [1, 3, 2])
    // A window that would start in the trailing padding is dropped: 5 wide, kernel 2, stride 2,
    // padding 1: floor gives 3, ceil gives 4 but the 4th would start at 6 ≥ 5 + 1, so 3.
    let dropped = Window2D(kernel: [1, 2], stride: [1, 2], padding: [0, 1, 0, 1], ceilMode: true)
    #expect(try dropped.outputSize(height: 1, width: 5, operation: "t") == (1, 3))
    #expect(
      try Window2D(kernel: [1, 2], stride: [1, 2], ceilMode: true).outputSize(
        height: 1, width: 5, operation: "t") == (1, 3))
    #expect(
      try Window2D(kernel: [1, 2], stride: [1, 2]).outputSize(height: 1, width: 5, operation: "t") == (1, 2))
  }

  /// A window of only padding has nothing to pool: a shape error, not a crash.
  @Test func aPoolingWindowOfOnlyPaddingIsAShapeError() {
    let window = Window2D(kernel: [2, 2], padding: [2, 2, 2, 2])
    #expect(throws: ShapeError.self) { try MaxPool2D(window).outputShapes(for: [[1, 1, 3, 3]]) }
    #expect(throws: ShapeError.self) { try AveragePool2D(window).outputShapes(for: [[1, 1, 3, 3]]) }
  }

  /// An embedding lookup: a (5, 3) table gathered by a (2, 3) index tensor with a repeat and a
  /// negative position, along axis 0 and along axis 1.
  @Test(arguments: [0, 1])
  func gatherGradientsMatchCentralDifferences(axis: Int) {
    let table = values([5, 4], seed: 0.4)
    let gather = { Gather(indices: [1, 2, 0, 3, 3, -1], shape: [2, 3], axis: axis) }
    let check = gradientCheck(inputs: [table]) { weighted(gather()($0[0])) }
    #expect(check.passed, "max abs error \(check.maxAbsoluteError)")
    let xv = Variable(table)
    let y = gather()(xv)
    #expect(y.shape == (axis == 0 ? [2, 3, 4] : [5, 2, 3]))
    let weights = Variable(values(y.shape, seed: 2))
    sum(y * weights).backward(createGraph: true)
    let tensorPath = gather()
    _ = tensorPath(Variable(table))
    #expect(maxDifference(xv.grad!, tensorPath.backward([weights.data])[0]) < 1e-12)
  }

  @Test func gatherByHand() throws {
    let table = Variable(Tensor(shape: [3, 2], scalars: [0, 1, 10, 11, 20, 21]))
    let gather = Gather(indices: [2, 0, 2, -2], shape: [2, 2])
    let y = gather(table)
    #expect(y.data == Tensor(shape: [2, 2, 2], scalars: [20, 21, 0, 1, 20, 21, 10, 11]))
    sum(y).backward()
    #expect(table.grad == Tensor(shape: [3, 2], scalars: [1, 1, 1, 1, 2, 2]))
    #expect(gather.expression(["W"]) == "take(W, [[2, 0], [2, -2]], axis 0)")
    #expect(throws: ShapeError.self) { try Gather(indices: [3], shape: [1, 1]).outputShapes(for: [[3, 2]]) }
  }
}
