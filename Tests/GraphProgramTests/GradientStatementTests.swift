import Autodiff
import Foundation
import GraphProgram
import Testing

/// `g = grad(y, x)`: gradients as variables with their backward pass recorded, checked against
/// closed forms, and the recorded functions marked with where they come from.
@Suite struct GradientStatementTests {
  private func value(_ program: Program, _ name: String) throws -> Double {
    try #require(program.variable(named: name)?.data.scalar)
  }

  @Test func theQuarticsFirstAndSecondDerivativesAtTwo() throws {
    let program = try Program.parse("x = 2\ny = x^4 - 2 * x^2\ng = grad(y, x)\ng2 = grad(g, x)")
    #expect(try value(program, "g") == 24)
    #expect(try value(program, "g2") == 44)
    #expect(program.output.name == "g2")
    program.output.backward()
    #expect(program.inputs[0].variable.grad == Tensor(48))  // y‴ = 24x
  }

  @Test func gradWithRespectToAComputedVariable() throws {
    let program = try Program.parse("x = 2\na = square(x)\ny = exp(a) + a\ng = grad(y, a)\nh = grad(g, x)")
    #expect(abs(try value(program, "g") - (Foundation.exp(4) + 1)) < 1e-12)
    #expect(abs(try value(program, "h") - 4 * Foundation.exp(4)) < 1e-11)  // d/dx (e^(x²) + 1)
    #expect(program.inputs[0].variable.grad == nil)
  }

  @Test func gradInsideAnExpressionIsAGradientStepOfGradientDescent() throws {
    let program = try Program.parse("w = 3\ny = w^2\nw2 = w - 0.1 * grad(y, w)")
    #expect(abs(try value(program, "w2") - 2.4) < 1e-15)
    #expect(program.variable(named: "w2#1")?.data == Tensor(6))
    let indexed = try Program.parse("v = [1, 2, 3]\ny = sum(v * v)\nz = grad(y, v)[::-1]")
    #expect(indexed.output.data == Tensor([6, 4, 2]))
  }

  @Test(arguments: [-1.5, -0.3, 0.0, 0.4, 1.2])
  func tanhUpToTheThirdDerivative(at x: Double) throws {
    let program = try Program.parse(
      "x = \(x)\ny = tanh(x)\ng1 = grad(y, x)\ng2 = grad(g1, x)\ng3 = grad(g2, x)")
    let t = Foundation.tanh(x)
    #expect(abs(try value(program, "g1") - (1 - t * t)) < 1e-15)
    #expect(abs(try value(program, "g2") - (-2 * t * (1 - t * t))) < 1e-15)
    #expect(abs(try value(program, "g3") - (-2 * (1 - t * t) * (1 - 3 * t * t))) < 1e-14)
  }

  @Test func theRecordedFunctionsFollowTheForwardOnesAndSayWhereTheyComeFrom() throws {
    let program = try Program.parse("x = 0.5\ny = exp(square(x))\ng = grad(y, x)")
    let forward = Array(program.functionsInStatementOrder.prefix(2))
    #expect(forward.map(\.name) == ["Square", "Exp"])
    let recorded = program.derivations.map(\.function)
    #expect(
      recorded.map(ObjectIdentifier.init)
        == program.functionsInStatementOrder.dropFirst(2).map(ObjectIdentifier.init))
    #expect(!recorded.isEmpty)
    #expect(program.derivations.allSatisfy { $0.derivation.hasSuffix("'s backward in g = grad(y, x)") })
    #expect(program.derivations.contains { $0.derivation.hasPrefix("Exp's backward") })
    #expect(recorded.last === program.output.creator)
    let names = recorded.flatMap { $0.outputs.compactMap { $0?.name } }
    #expect(names.last == "g")
    #expect(names.dropLast().allSatisfy { $0.hasPrefix("g#") })
  }

  @Test func aGradientCanBeUsedInLaterComputations() throws {
    let program = try Program.parse("x = 3\ny = x^3\ng = grad(y, x)\nz = g * x")
    #expect(try value(program, "z") == 81)
    let check = gradientCheck(inputs: program.inputs.map(\.variable.data), program.rebuild(with:))
    #expect(check.passed)
    #expect(abs(check.entries[0].backprop - 81) < 1e-12)  // z = 3x³: dz/dx = 9x²
  }

  @Test func rebuildingDifferentiatesAgainAtTheNewValues() throws {
    let program = try Program.parse("x = 2\ny = x^4 - 2 * x^2\ng = grad(y, x)\ng2 = grad(g, x)")
    #expect(program.rebuild(with: [Variable(1.0)]).data == Tensor(8))  // 12x² − 4 at 1
  }
}
