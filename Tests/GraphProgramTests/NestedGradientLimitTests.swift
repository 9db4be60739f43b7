import Autodiff
import Foundation
import Testing

@testable import GraphProgram

/// The variable limit holds for the variables `grad` statements' backward passes record, checked
/// as each pass records them: nested `grad`s that grow the graph threefold per level stop at the
/// statement that passes the limit, long before they would have finished.
@Suite struct NestedGradientLimitTests {
  /// `x = 0.5`, `y = tanh(x)`, then `d0 = grad(y, x)` … `d(levels − 1) = grad(d(levels − 2), x)`.
  private func nestedGradients(_ levels: Int) -> String {
    "x = 0.5\ny = tanh(x)\nd0 = grad(y, x)\n"
      + (1..<levels).map { "d\($0) = grad(d\($0 - 1), x)\n" }.joined()
  }

  /// How many variables the program has in all: its own and those its `grad`s recorded and kept.
  private func variableCount(_ program: Program) -> Int {
    ComputationGraph(outputs: program.variables).variables.count
  }

  @Test func theLimitIsCheckedAsTheRecordedBackwardPassesAddVariables() throws {
    let eight = try Program.parse(nestedGradients(8))
    let limit = variableCount(eight) - 1
    #expect(limit > 3_000, "eight levels make thousands of variables")
    // The passes record a few variables the program then leaves out (gradients of y's other inputs).
    #expect(throws: Never.self) {
      try Program.parse(nestedGradients(8), overrides: [:], variableLimit: 2 * limit)
    }
    let started = ContinuousClock.now
    do {
      _ = try Program.parse(nestedGradients(15), overrides: [:], variableLimit: limit)
      Issue.record("15 nested grads fit in \(limit) variables")
    } catch {
      #expect(error.line == 10 && error.column == 6, "at d7 = grad(d6, x): \(error)")
      #expect(
        error.message
          == "the program has more than \(Limits.grouped(limit)) variables (inputs, constants and results), "
          + "GradStep's limit: the backward pass this grad records passes it")
    }
    #expect(ContinuousClock.now - started < .seconds(10), "stops at the limit, not after 15 levels")
  }
}
