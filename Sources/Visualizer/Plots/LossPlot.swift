import Stepping

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loss over the iterations of a run, on a linear or log scale, with the shown iteration
/// marked by a vertical line and its loss in the title. A run longer than the canvas is wide is
/// drawn as each dot column's lowest-to-highest range, so no iteration is skipped.
enum LossPlot {
  static func draw(
    _ run: Optimization, iteration: Int, logScale: Bool, x: Int, y: Int, width: Int, height: Int,
    into buffer: inout ScreenBuffer
  ) {
    let useLog = logScale && run.losses.allSatisfy { $0 > 0 || !$0.isFinite }
    let values = run.losses.map { useLog ? log10($0) : $0 }
    let finite = values.filter(\.isFinite)
    let frame = PlotFrame(
      x: x, y: y, width: width, height: height, xRange: 0...Double(max(run.iterationCount, 1)),
      yRange: (finite.min() ?? 0)...(finite.max() ?? 1),
      yLabel: { useLog ? PlotFrame.tick(pow(10, $0)) : PlotFrame.tick($0) })
    var canvas = frame.makeCanvas()
    let marker = frame.dotX(Double(iteration))
    for row in stride(from: 0, to: canvas.dotRows, by: 2) {
      canvas.set(x: marker, y: row, style: Theme.plotCurrent)
    }
    if values.count <= canvas.dotColumns {
      var previous: (x: Int, y: Int)?
      for (entry, value) in values.enumerated() where value.isFinite {
        let point = (x: frame.dotX(Double(entry)), y: frame.dotY(value))
        canvas.line(from: previous ?? point, to: point, style: Theme.plotData)
        previous = point
      }
    } else {
      drawColumns(values, frame: frame, into: &canvas)
    }
    canvas.set(x: marker, y: frame.dotY(values[iteration]), style: Theme.plotCurrent)
    let title = StyledLine([
      ("loss", Theme.heading), (" (\(useLog ? "log" : "linear")) · iteration \(iteration): ", Theme.help),
      (NumberFormat.short(run.losses[iteration]), Theme.plotCurrent),
    ])
    frame.draw(title: title, canvas: canvas, into: &buffer)
  }

  /// Each dot column's range of values, joined to the next column's.
  private static func drawColumns(_ values: [Double], frame: PlotFrame, into canvas: inout DotCanvas) {
    let columns = canvas.dotColumns
    var previous: Int?
    for column in 0..<columns {
      let start = column * values.count / columns
      let end = max((column + 1) * values.count / columns, start + 1)
      let slice = values[start..<end].filter(\.isFinite)
      guard let low = slice.min(), let high = slice.max() else { continue }
      let top = frame.dotY(high)
      let bottom = frame.dotY(low)
      canvas.line(from: (column, previous ?? top), to: (column, top), style: Theme.plotData)
      canvas.line(from: (column, top), to: (column, bottom), style: Theme.plotData)
      previous = frame.dotY(slice.last!)
    }
  }
}
