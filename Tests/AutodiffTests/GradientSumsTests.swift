import Autodiff
import Testing

/// `gradientSumsInBackwardPass` counts, before a pass runs, the gradients it will add to ones
/// already received: a lower bound on the `Add`s a recording pass makes.
@Suite struct GradientSumsTests {
  @Test func countsEveryUseOfAnInputAfterItsFirst() {
    let x = Variable(0.5)
    #expect(x.gradientSumsInBackwardPass == 0, "a leaf runs no function")
    #expect(tanh(x).gradientSumsInBackwardPass == 0, "a chain sums nothing")
    // x is used three times (twice by the product) and the product once: two sums.
    #expect((x * x + x).gradientSumsInBackwardPass == 2)
    // The same graph through function objects (not deferred records) counts the same.
    let product = Mul()(x, x)
    #expect(Add()(product, x).gradientSumsInBackwardPass == 2)
    // A variable reached along two paths is walked once: a = x², b = a·a, c = b + a.
    let a = square(x)
    #expect((a * a + a).gradientSumsInBackwardPass == 2)
  }

  @Test func isAtMostTheAddsARecordingPassMakes() throws {
    let x = Variable(0.5)
    let a = square(x)
    let y = sin(a * a + a) * x
    let forward = ComputationGraph(output: y)
    let bound = y.gradientSumsInBackwardPass
    #expect(bound == 3)
    y.backward(createGraph: true)
    let recorded = ComputationGraph(
      outputs: forward.variables.compactMap(\.gradVariable), stoppingAt: forward.variables
    ).functions
    #expect(recorded.filter { $0 is Add }.count >= bound)
  }
}
