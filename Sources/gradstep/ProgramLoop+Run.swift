import GraphProgram
import Stepping

extension ProgramLoop {
  /// Runs the loop on `session`'s graph and returns the run with the session of its iteration 0;
  /// a step that is not finite is a usage error naming the iteration, located in `fileName`.
  func run(on session: Session, fileName: String) throws -> (Optimization, Session) {
    var update = makeUpdate()
    let graph = session.graph
    do {
      let optimization = try Optimization(
        graph: graph, parameters: parameters.map { graph.index(of: $0.variable)! },
        names: parameters.map(\.name),
        iterations: iterations, stopBelow: stopBelow
      ) { iteration throws(ProgramError) in try update.newValues(iteration: iteration) }
      return (optimization, session.atIteration(0, of: optimization))
    } catch let error as ProgramError {
      throw UsageError(message: error.render(fileName: fileName), isRendered: true)
    }
  }
}
