import Foundation
import GraphProgram
import Stepping

@testable import Visualizer

/// Helpers for the gradient-check view tests: a program stepped to its end, the inspector as text,
/// and the JSON's `gradient_check` object.
enum GradientCheckViewing {
  /// The app state of `program` at its last step.
  static func end(_ program: String) throws -> AppState {
    var state = AppState(session: Session(program: try Program.parse(program)), title: "t")
    state.update(.end)
    return state
  }

  /// The inspector at 100 columns, one line per row.
  static func inspectorText(_ state: AppState) -> String {
    InspectorView(state: state, width: 100).lines().map { $0.runs.map(\.text).joined() }.joined(
      separator: "\n")
  }

  /// The `gradient_check` object of the state's JSON.
  static func check(_ state: AppState) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(StateJSON.encode(state).utf8)) as! [String: Any]
    return object["gradient_check"] as! [String: Any]
  }
}
