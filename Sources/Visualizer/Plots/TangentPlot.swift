import Stepping

/// With one scalar input: the output y as a function of it over a range around its value (the
/// graph replayed at every dot column), and the tangent at the current x, whose slope is x.grad
/// from the backward pass: what a derivative is, drawn.
enum TangentPlot {
  static func draw(
    _ state: AppState, input: Int, x: Int, y: Int, width: Int, height: Int, into buffer: inout ScreenBuffer
  ) {
    let session = state.session
    let graph = session.graph
    guard let x0 = graph.variables[input].variable.data.scalar,
      let y0 = graph.variables[graph.output].variable.data.scalar
    else { return }
    var end = session
    end.move(to: end.stepCount)
    let slope = end.grad(of: input)?.scalar
    let range = xRange(state, input: input, around: x0)
    let probe = PlotFrame(x: x, y: y, width: width, height: height, xRange: range, yRange: 0...1)
    let columns = probe.canvasColumns * 2
    let xs = (0..<columns).map {
      range.lowerBound + Double($0) / Double(max(columns - 1, 1)) * (range.upperBound - range.lowerBound)
    }
    let ys = graph.outputValues(varying: [input], at: xs.map { [$0] })
    let finite = ys.filter(\.isFinite) + [y0]
    let frame = PlotFrame(
      x: x, y: y, width: width, height: height, xRange: range, yRange: finite.min()!...finite.max()!)
    var canvas = frame.makeCanvas()
    if let slope, slope.isFinite {
      let left = (x: 0, y: frame.dotY(y0 + slope * (range.lowerBound - x0)))
      let right = (x: canvas.dotColumns - 1, y: frame.dotY(y0 + slope * (range.upperBound - x0)))
      canvas.line(from: left, to: right, style: Theme.plotTangent)
    }
    var previous: (x: Int, y: Int)?
    for (column, value) in ys.enumerated() where value.isFinite {
      let point = (x: column, y: frame.dotY(value))
      canvas.line(from: previous ?? point, to: point, style: Theme.plotData)
      previous = point
    }
    let name = graph.variables[input].label
    let output = graph.variables[graph.output].label
    var runs: [(String, CellStyle)] = [
      ("\(output)(\(name))", Theme.heading), (" at \(name)=\(NumberFormat.short(x0))", Theme.help),
    ]
    if let slope { runs.append((": slope \(name).grad=\(NumberFormat.short(slope))", Theme.plotTangent)) }
    frame.draw(title: StyledLine(runs), canvas: canvas, into: &buffer)
    let point = (frame.dotX(x0) / 2, frame.dotY(y0) / 4)
    if (0..<frame.canvasColumns).contains(point.0), (0..<frame.canvasRows).contains(point.1) {
      buffer.put(
        buffer.charset == .unicode ? "●" : "@", x: frame.canvasX + point.0, y: frame.canvasY + point.1,
        style: Theme.plotCurrent)
    }
  }

  /// Around `x0`: the path of the run's only parameter when there is one (with a margin), else
  /// x0 ± max(0.5, |x0| / 2).
  private static func xRange(_ state: AppState, input: Int, around x0: Double) -> ClosedRange<Double> {
    if let run = state.optimization, run.parameters == [input] {
      let path = run.path(of: 0).filter(\.isFinite) + [x0]
      let (low, high) = (path.min()!, path.max()!)
      let margin = max((high - low) / 6, 0.25)
      return (low - margin)...(high + margin)
    }
    let half = max(0.5, abs(x0) / 2)
    return (x0 - half)...(x0 + half)
  }
}
