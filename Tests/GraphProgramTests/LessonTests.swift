import Autodiff
import Testing

@testable import GraphProgram

/// A program's comments as a lesson: the leading comment lines introduce it, and the comment right
/// above a statement narrates that statement's functions.
@Suite struct LessonTests {
  @Test func leadingCommentsAreTheIntroductionAndACommentAboveAStatementIsItsNote() throws {
    let program = try Program.parse(
      """
      # The seed.
      #   Press n.
      x = 0.5
      # exp is its own derivative.
      b = exp(x)

      # detached by the blank line below

      y = square(b)  # a comment after code is no note
      # above two statements on one line
      z = sin(y); w = cos(z)
      """)
    #expect(program.lesson.introduction == ["The seed.", "Press n."])
    let notes = program.lesson.notes.map { ($0.function.name, $0.lines) }
    #expect(notes.count == 3)
    #expect(notes[0].0 == "Exp" && notes[0].1 == ["exp is its own derivative."])
    #expect(notes[1].0 == "Sin" && notes[1].1 == ["above two statements on one line"])
    #expect(notes[2].0 == "Cos" && notes[2].1 == notes[1].1)
  }

  @Test func everyFunctionOfANarratedStatementGetsItsNote() throws {
    let program = try Program.parse(
      """
      x = 2
      # two functions, one note
      y = x * x + x
      # the recorded backward pass is narrated too
      g = grad(y, x)
      """)
    let noted = program.lesson.notes
    #expect(noted.filter { $0.lines == ["two functions, one note"] }.map(\.function.name) == ["Mul", "Add"])
    let recorded = noted.filter { $0.lines == ["the recorded backward pass is narrated too"] }
    #expect(recorded.count == program.derivations.count && !recorded.isEmpty)
    #expect(program.lesson.introduction.isEmpty)
  }
}
