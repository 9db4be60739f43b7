import GraphProgram
import Stepping
import Visualizer

extension GradientAction {
  /// The timeline's action for a program's `backward` or `cleargrad` line.
  init(_ statement: PassStatement) {
    switch statement {
    case .backward: self = .backward
    case .cleargrad: self = .cleargrad
    }
  }
}
