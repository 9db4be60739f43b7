import Stepping

/// The pane `t` shows in place of the graph: the plots that fit the program, side by side. With
/// a `repeat` loop, the loss over the iterations; with two scalar parameters, their path over the
/// loss surface; with one scalar input (or parameter), y(x) and its tangent.
enum PlotPane {
  /// One plot of the pane.
  enum Plot: Equatable {
    case loss
    case surface
    case tangent(input: Int)
  }

  /// The plots for `state`, in the order they are drawn.
  static func plots(for state: AppState) -> [Plot] {
    let graph = state.session.graph
    func isScalar(_ variable: Int) -> Bool { graph.variables[variable].variable.shape.isEmpty }
    guard let run = state.optimization else {
      let inputs = state.session.checkedInputs
      return inputs.count == 1 && isScalar(inputs[0]) ? [.tangent(input: inputs[0])] : []
    }
    if run.parameters.count == 2, run.parameters.allSatisfy(isScalar) { return [.loss, .surface] }
    if run.parameters.count == 1, isScalar(run.parameters[0]) {
      return [.loss, .tangent(input: run.parameters[0])]
    }
    return [.loss]
  }

  /// Draws the pane into the rectangle, or says why there is nothing to plot.
  static func draw(
    _ state: AppState, x: Int, y: Int, width: Int, height: Int, into buffer: inout ScreenBuffer
  ) {
    buffer.fill(x: x, y: y, width: width, height: height)
    let plots = plots(for: state)
    guard !plots.isEmpty else {
      StyledLine(
        "nothing to plot: plots need a repeat line (the loss) or one scalar input (y(x) and its tangent)",
        Theme.help
      ).draw(into: &buffer, x: x + 1, y: y + 1, width: width - 2)
      return
    }
    let gap = 3
    let each = (width - 1 - gap * (plots.count - 1)) / plots.count
    guard each >= PlotFrame.minimumSize.columns, height >= PlotFrame.minimumSize.rows else {
      StyledLine("the plots need a larger screen", Theme.help).draw(
        into: &buffer, x: x + 1, y: y, width: width - 2)
      return
    }
    for (position, plot) in plots.enumerated() {
      let left = x + 1 + position * (each + gap)
      switch plot {
      case .loss:
        LossPlot.draw(
          state.optimization!, iteration: state.iteration, logScale: state.logScale, x: left, y: y,
          width: each,
          height: height, into: &buffer)
      case .surface:
        SurfacePlot.draw(
          state.optimization!, graph: state.session.graph, iteration: state.iteration, x: left, y: y,
          width: each,
          height: height, into: &buffer)
      case .tangent(let input):
        TangentPlot.draw(state, input: input, x: left, y: y, width: each, height: height, into: &buffer)
      }
    }
  }
}
