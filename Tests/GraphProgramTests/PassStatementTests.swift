import Autodiff
import GraphProgram
import Testing

/// `backward` and `cleargrad` lines: what they parse to, and that computations come first.
@Suite struct PassStatementTests {
  private let forward = "x = 0.5\na = square(x)\nb = exp(a)\ny = square(b)\n"

  @Test func aProgramWithoutPassLinesRunsOneBackward() throws {
    #expect(try Program.parse(forward).passes == [.backward])
  }

  @Test func passLinesAreKeptInOrder() throws {
    let program = try Program.parse(forward + "backward\nbackward\ncleargrad\nbackward")
    #expect(program.passes == [.backward, .backward, .cleargrad, .backward])
    #expect(program.functionsInStatementOrder.map(\.name) == ["Square", "Exp", "Square"])
  }

  @Test func semicolonsSeparatePassLinesToo() throws {
    #expect(try Program.parse("x = 2; y = x*x; backward; backward").passes == [.backward, .backward])
  }

  @Test func backwardAndCleargradCanStillBeAssignedNames() throws {
    let program = try Program.parse("backward = 2\ncleargrad = backward * 3")
    #expect(program.output.name == "cleargrad")
    #expect(program.passes == [.backward])
  }

  @Test func outputMayFollowThePassLines() throws {
    let program = try Program.parse("x = 2\ny = x*x\nz = y + 1\nbackward\noutput y")
    #expect(program.output.name == "y")
  }
}
