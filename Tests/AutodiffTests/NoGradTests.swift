import Autodiff
import Testing

/// `withNoGrad` as DeZero's `Config.enable_backprop = False`: outputs are computed, nothing is
/// recorded, and what only backward needed is freed at once.
@Suite struct NoGradTests {
  @Test func helpersAndCallsRecordNothingInside() {
    let x = Variable(0.5, name: "x")
    let (y, z, w, s) = withNoGrad {
      (
        square(exp(square(x))), Square()(Exp()(x)), x * x + 1,
        sum(matmul(reshape(x, [1, 1]), reshape(x, [1, 1])))
      )
    }
    #expect(y.data == Tensor(1.648721270700128))
    for output in [y, z, w, s] {
      #expect(output.creator == nil)
      #expect(output.generation == 0)
    }
    #expect(GradMode.isEnabled)
  }

  @Test func anUncalledFunctionStaysEmpty() {
    let function = Exp()
    let y = withNoGrad { function(Variable(0.0)) }
    #expect(y.data == Tensor(1))
    #expect(function.inputs.isEmpty && function.outputCount == 0)
  }

  @Test func recordingResumesAfterTheScopeAndScopesNest() {
    let x = Variable(2.0)
    let inner = withNoGrad {
      let a = square(x)
      let nested = withNoGrad { exp(a) }
      #expect(!GradMode.isEnabled)
      return (a, nested)
    }
    #expect(inner.0.creator == nil && inner.1.creator == nil)
    let y = square(x)
    #expect(y.creator is Square)
    y.backward()
    #expect(x.grad == Tensor(4))
  }

  @Test func theScopeReturnsAndRethrows() throws {
    struct Failure: Error {}
    #expect(withNoGrad { 42 } == 42)
    #expect(throws: Failure.self) { try withNoGrad { () throws(Failure) in throw Failure() } }
    #expect(GradMode.isEnabled)
  }

  @Test func theInputsAreFreedAtOnce() {
    weak var intermediate: Variable?
    let y: Variable = withNoGrad {
      let a = square(Variable(3.0))
      intermediate = a
      return exp(a)
    }
    #expect(intermediate == nil)
    #expect(y.creator == nil)
  }

  @Test func backwardInsideTheScopeStillComputesGradients() {
    let x = Variable(0.5)
    let y = square(exp(square(x)))
    withNoGrad { y.backward() }
    #expect(x.grad == Tensor(3.297442541400256))
  }

  @Test func theSettingIsTaskLocal() async {
    let x = Variable(1.0)
    await withNoGrad {
      #expect(!GradMode.isEnabled)
      async let child = Task { GradMode.isEnabled }.value
      #expect(await child == false)
      let detached = await Task.detached { GradMode.isEnabled }.value
      #expect(detached)
      #expect(square(x).creator == nil)
    }
    #expect(GradMode.isEnabled)
    #expect(square(x).creator is Square)
  }
}
