import Autodiff
import Foundation
import Testing

@testable import Stepping
@testable import Visualizer

/// Editing an input: a new timeline of the same graph with the value changed, at the same step.
@Suite struct SessionEditTests {
  @Test func editingXInTheSeedGivesTheClosedFormGradient() throws {
    var session = Session(output: TestGraphs.seed())
    session.move(to: session.stepCount)
    let edited = try session.editing(0, to: "0.7")
    #expect(edited.cursor == session.stepCount)
    #expect(edited.data(of: 0) == Tensor(0.7))
    let closedForm = 4 * 0.7 * exp(2 * 0.7 * 0.7)
    let grad = try #require(edited.grad(of: 0)?.scalar)
    #expect(abs(grad - closedForm) <= 1e-12 * closedForm)
    #expect(edited.gradientCheck.passed)
    #expect(session.grad(of: 0) == Tensor(3.297442541400256), "the old timeline keeps its values")
    #expect(edited.changedVariables(since: session) == [0, 1, 2, 3])
  }

  @Test func theCursorStaysAndOnlyComputedValuesChange() throws {
    var session = Session(output: TestGraphs.seed())
    session.move(to: 2)
    let edited = try session.editing(0, to: " 1.0 ")
    #expect(edited.cursor == 2)
    #expect(edited.data(of: 1) == Tensor(1.0))
    #expect(edited.data(of: 3) == nil, "y is not computed at step 2")
    #expect(edited.changedVariables(since: session) == [0, 1, 2])
  }

  @Test func nudgingAScalarInputMovesItByTheStep() throws {
    let session = Session(output: TestGraphs.seed())
    let nudged = try session.nudging(0, by: 0.25)
    #expect(nudged.data(of: 0) == Tensor(0.75))
    #expect(try nudged.nudging(0, by: -0.25).data(of: 0) == Tensor(0.5))
  }

  @Test func tensorInputsTakeAListOfTheSameShape() throws {
    let w = Variable(Tensor([[1, 2], [3, 4]]), name: "W")
    let y = sum(w * w)
    y.name = "y"
    let session = Session(output: y)
    let edited = try session.editing(0, to: "[[1, 0], [0, 1]]")
    #expect(edited.data(of: 0) == Tensor([[1, 0], [0, 1]]))
    #expect(throws: EditError(description: "W has shape (2, 2); [1, 2] has shape (2,)")) {
      try session.editing(0, to: "[1, 2]")
    }
  }

  @Test func badEditsSayWhatIsWrong() {
    let session = Session(output: TestGraphs.seed())
    #expect(throws: EditError(description: "a is computed by Square: only inputs can be edited")) {
      try session.editing(1, to: "2")
    }
    #expect(throws: EditError(description: "column 1: 'abc' is not a number")) {
      try session.editing(0, to: "abc")
    }
    #expect(throws: EditError(description: "x has shape (); [0.5] has shape (1,)")) {
      try session.editing(0, to: "[0.5]")
    }
    #expect(throws: EditError(description: "only a scalar input can be nudged; press e to type a value")) {
      try session.nudging(2, by: 1)
    }
  }

  @Test(arguments: [
    ("0.7", [Int](), [0.7]), ("-1e-3", [], [-0.001]), ("[1, 2.5]", [2], [1, 2.5]),
    ("[[1,2],[3,4]]", [2, 2], [1, 2, 3, 4]), ("[[[1]], [[2]]]", [2, 1, 1], [1, 2]),
  ])
  func literalsParse(text: String, shape: [Int], scalars: [Double]) throws {
    #expect(try TensorLiteral.parse(text) == Tensor(shape: shape, scalars: scalars))
  }

  @Test(arguments: [
    ("", 1, "type a number or a list of numbers"), ("[1, 2", 1, "'[' without its ']'"),
    ("[[1], [2, 3]]", 7, "lists of different lengths: the value must be rectangular"),
    ("[1, [2]]", 5, "a list where a number was expected"),
    ("[[1], 2]", 1, "a number where a list was expected"),
    ("[]", 1, "an empty list"), ("1 2", 3, "unexpected '2'"), ("[1; 2]", 3, "expected ',' or ']'"),
    ("--", 1, "'--' is not a number"),
  ])
  func badLiteralsAreLocated(text: String, column: Int, message: String) {
    #expect(throws: TensorLiteral.ParseError(message: message, column: column)) {
      try TensorLiteral.parse(text)
    }
  }
}
