import Autodiff

/// What a program's comments tell the learner on screen: the lesson, on the Start screen, and a
/// note per function, shown in the inspector while that function's forward or backward step is
/// the active one. Empty for a graph without comments (one built in Swift).
public struct Narration {
  /// The lesson's lines (a program's leading comment lines).
  public let lesson: [String]
  /// Each function's note lines.
  let notes: [ObjectIdentifier: [String]]

  /// A narration with `lesson` for the Start screen and `notes` for the steps of their functions.
  public init(lesson: [String] = [], notes: [(function: Function, lines: [String])] = []) {
    self.lesson = lesson
    self.notes = Dictionary(notes.map { (ObjectIdentifier($0.function), $0.lines) }) { first, _ in first }
  }

  /// The note on `function`'s steps, `nil` when it has none.
  func note(for function: Function) -> [String]? { notes[ObjectIdentifier(function)] }
}
