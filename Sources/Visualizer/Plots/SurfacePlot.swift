import Stepping

/// Two scalar parameters' path over a map of the loss, as DeZero draws the Rosenbrock descent of
/// its step 28: the graph replayed at the centre of every cell (`GraphModel.outputValues`), each
/// cell drawn as one of eight levels (quantiles of the values shown, so the valley stands out at
/// any scale) by glyph and colour, the path of every iteration in dots over it, and the shown
/// iteration as `●`.
enum SurfacePlot {
  /// The level glyphs, lowest loss first.
  static let glyphs: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#"]

  static func draw(
    _ run: Optimization, graph: GraphModel, iteration: Int, x: Int, y: Int, width: Int, height: Int,
    into buffer: inout ScreenBuffer
  ) {
    let first = run.path(of: 0)
    let second = run.path(of: 1)
    let frame = PlotFrame(
      x: x, y: y, width: width, height: height, xRange: padded(first), yRange: padded(second))
    var canvas = frame.makeCanvas()
    var points = [[Double]]()
    for row in 0..<canvas.rows {
      for column in 0..<canvas.columns {
        let point = frame.value(column: column, row: row)
        points.append([point.x, point.y])
      }
    }
    let losses = graph.outputValues(varying: run.parameters, at: points)
    let sorted = losses.filter(\.isFinite).sorted()
    for (index, loss) in losses.enumerated() where loss.isFinite {
      let below = sorted.partitioningIndex { $0 >= loss }
      let level = min(below * glyphs.count / max(sorted.count, 1), glyphs.count - 1)
      canvas.background(
        column: index % canvas.columns, row: index / canvas.columns, glyphs[level],
        style: Theme.plotLevels[level])
    }
    var previous: (x: Int, y: Int)?
    for (a, b) in zip(first, second) {
      let point = (x: frame.dotX(a), y: frame.dotY(b))
      if let previous, previous == point { continue }
      canvas.line(from: previous ?? point, to: point, style: Theme.plotPath)
      previous = point
    }
    let names = run.names
    let title = StyledLine([
      ("loss over \(names[0]), \(names[1])", Theme.heading), (" · ", Theme.help),
      (buffer.charset == .unicode ? "●" : "@", Theme.plotCurrent), (" iteration \(iteration)", Theme.help),
    ])
    frame.draw(title: title, canvas: canvas, into: &buffer)
    let current = (frame.dotX(first[iteration]) / 2, frame.dotY(second[iteration]) / 4)
    if (0..<frame.canvasColumns).contains(current.0), (0..<frame.canvasRows).contains(current.1) {
      buffer.put(
        buffer.charset == .unicode ? "●" : "@", x: frame.canvasX + current.0, y: frame.canvasY + current.1,
        style: Theme.plotCurrent)
    }
  }

  /// The range of `values` with a sixth of its width added on each side.
  private static func padded(_ values: [Double]) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return 0...1 }
    let margin = max((high - low) / 6, 0.1)
    return (low - margin)...(high + margin)
  }
}

extension Array where Element == Double {
  /// The first index whose element satisfies `predicate`, for a sorted array whose elements
  /// satisfy it from some index on (binary search).
  func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
