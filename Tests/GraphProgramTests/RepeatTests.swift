import Autodiff
import GraphProgram
import Testing

/// `repeat` lines: what they parse to, and a located error for each bad loop.
@Suite struct RepeatTests {
  @Test func updatesParseWithTheirParametersAndCount() throws {
    let program = try Program.parse("x = 3\ny = x^2\nrepeat 5: x -= 0.25 * grad(y, x)")
    let loop = try #require(program.loop)
    #expect(loop.iterations == 5)
    #expect(loop.parameters.map(\.name) == ["x"])
    #expect(loop.optimizer == nil)
    #expect(loop.stopBelow == nil)
    #expect(program.functionsInStatementOrder.map(\.name) == ["Pow"])  // the update is not in the graph
  }

  @Test func oneUpdateComputesTheStepFromTheBackwardPass() throws {
    let program = try Program.parse("x = 3\ny = x^2\nrepeat 5: x -= 0.25 * grad(y, x)")
    program.output.backward()
    var update = try #require(program.loop).makeUpdate()
    #expect(try update.newValues(iteration: 0) == [Tensor(1.5)])  // 3 − 0.25·6
  }

  @Test func optimisersTakePyTorchsDefaults() throws {
    let program = try Program.parse(
      "w = [1, 2]\nb = 0.5\ny = sum(w * w) + b^2\nrepeat 200 until y < 0.1: adam(0.05) w, b")
    let loop = try #require(program.loop)
    #expect(loop.optimizer == .adam(learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8))
    #expect(loop.stopBelow == 0.1)
    #expect(
      try Program.parse("x = 1\ny = x^2\nrepeat 3: momentum(0.1) x").loop?.optimizer
        == .momentum(learningRate: 0.1, momentum: 0.9))
    #expect(
      try Program.parse("x = 1\ny = x^2\nrepeat 3: sgd(0.1) x").loop?.optimizer == .sgd(learningRate: 0.1))
  }

  @Test func aStepThatIsNotFiniteStopsNamingTheIteration() throws {
    let program = try Program.parse("x = 0\ny = sqrt(x)\nrepeat 5: x -= grad(y, x)")
    program.output.backward()
    var update = try #require(program.loop).makeUpdate()
    #expect(throws: ProgramError.self) { try update.newValues(iteration: 3) }
    do throws(ProgramError) {
      _ = try update.newValues(iteration: 3)
    } catch {
      #expect(error.message.hasPrefix("iteration 3: the new value of x is -inf, not a finite number"))
      #expect((error.line, error.column) == (3, 11))
    }
  }

  @Test(arguments: [
    (
      "x = 1\ny = x^2\nrepeat 3: y -= grad(y, x)",
      "3:11: error: 'y' is computed (at 2:1); repeat updates inputs, the 'name = number' or list lines"
    ),
    (
      "x = 1\nv = [1, 2]\ny = x^2 + sum(v)\nrepeat 3: x -= v * grad(y, x)",
      "4:11: error: x has shape () but its step has shape (2,): an update must keep the parameter's shape"
    ),
    ("x = 1\ny = x^2\nrepeat: x -= 1", "3:7: error: expected the number of iterations after 'repeat'"),
    ("x = 1\ny = x^2\nrepeat 0: x -= 1", "3:8: error: repeat takes a whole number of iterations from 1"),
    ("x = 1\ny = x^2\nrepeat 3 x -= 1", "3:10: error: expected ':' after 'repeat 3'"),
    ("x = 1\ny = x^2\nrepeat 3: x = 1", "3:13: error: expected '-=' after 'x' in a repeat line"),
    ("x = 1\ny = x^2\nrepeat 3: x -= 1; x -= 2", "3:19: error: 'x' is updated twice in one repeat line"),
    ("x = 1\ny = x^2\nrepeat 3: x -= 1\nz = y + 1", "4:1: error: 'z = …' comes after the repeat line at 3:1"),
    ("x = 1\ny = x^2\nrepeat 3: x -= 1\nrepeat 3: x -= 1", "4:1: error: a second repeat line"),
    ("x = 1\ny = x^2\nrepeat 3: x -= 1\nbackward", "4:1: error: 'backward' with a repeat line"),
    ("x = 1\nv = [1, 2]\ny = v * x\nrepeat 3: x -= 1", "4:1: error: repeat minimises the output 'y'"),
    ("x = 1\nz = 2\ny = x^2\nrepeat 3: sgd(0.1) x, z", "4:1: error: the loss 'y' does not depend on 'z'"),
    (
      "x = 1\ny = x^2\nrepeat 3 until x < 1: sgd(0.1) x",
      "3:16: error: until compares the loss, the output 'y'"
    ),
    ("x = 1\ny = x^2\nrepeat 3: adam() x", "3:11: error: adam takes adam(lr)"),
    ("x = 1\ny = x^2\nrepeat 3: sgd(x) x", "3:15: error: sgd's arguments are numbers"),
    ("x = 1\ny = x^2\nrepeat 3: x -= grad(x, x)", "3:21: error: grad(x, …): 'x' is an input"),
    (
      "x = 1\nz = 1\ny = x^2\nrepeat 3: x -= grad(y, z)", "4:21: error: grad(y, z): it does not depend on 'z'"
    ),
  ])
  func badLoopsAreLocatedErrors(program: String, expected: String) {
    let rendered = renderedError(program)
    #expect(rendered.hasPrefix(expected), "\(rendered)")
  }

  @Test func nestedGradientsParseInsideUpdates() throws {
    let program = try Program.parse(
      "x = 2.0\ny = x^4 - 2 * x^2\nrepeat 2: x -= grad(y, x) / grad(grad(y, x), x)")
    program.output.backward()
    var update = try #require(program.loop).makeUpdate()
    #expect(try update.newValues(iteration: 0) == [Tensor(2.0 - 24.0 / 44.0)])
  }
}
