import Autodiff
import GraphProgram

@testable import Stepping
@testable import Visualizer

extension Session {
  /// The session of `program` as `gradstep` builds it: statement order, the program's inputs, its
  /// `backward` and `cleargrad` lines, and where its `grad` statements' functions come from.
  init(program: Program) {
    self.init(
      output: program.output, functionOrder: program.functionsInStatementOrder,
      inputs: program.inputs.map(\.variable),
      actions: program.passes.map { $0 == .backward ? .backward : .cleargrad },
      derivations: Dictionary(
        uniqueKeysWithValues: program.derivations.map { (ObjectIdentifier($0.function), $0.derivation) }))
  }
}

extension AppState {
  /// The state of `program` at step 0 as `gradstep` builds it, narrated by its comments.
  init(program: Program, title: String) {
    self.init(
      session: Session(program: program), title: title,
      narration: Narration(lesson: program.lesson.introduction, notes: program.lesson.notes))
  }
}
