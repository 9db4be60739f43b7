import Autodiff
import GraphProgram
import Stepping
import Testing

extension Optimization {
  /// The run of `program`'s `repeat` line on `session`'s graph, as `gradstep` runs it, and the
  /// session of its iteration 0.
  static func run(_ program: Program, on session: Session) throws -> (Optimization, Session) {
    let loop = try #require(program.loop)
    var update = loop.makeUpdate()
    let graph = session.graph
    let optimization = try Optimization(
      graph: graph, parameters: loop.parameters.map { graph.index(of: $0.variable)! },
      names: loop.parameters.map(\.name), iterations: loop.iterations, stopBelow: loop.stopBelow
    ) { iteration throws(ProgramError) in try update.newValues(iteration: iteration) }
    return (optimization, session.atIteration(0, of: optimization))
  }
}
