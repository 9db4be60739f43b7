import Autodiff
import Foundation
import Testing

/// Variables made by the lower-case helpers make their creator object only when asked; through the
/// public API they are indistinguishable from explicit calls (`Square()(x)`).
@Suite struct DeferredCreatorTests {
  @Test func theCreatorIsMadeOnDemandAndStaysTheSameObject() throws {
    let x = Variable(0.5)
    let y = square(x)
    let creator = try #require(y.creator)
    #expect(creator is Square)
    #expect(y.creator === creator)
    #expect(creator.inputs.count == 1 && creator.inputs[0] === x)
    #expect(creator.outputs.count == 1 && creator.outputs[0] === y)
    #expect(creator.generation == 0 && y.generation == 1)
    #expect(creator.outputShapesProduced == [[]])

    let a = Variable(Tensor([1, 2, 3]))
    let b = Variable(2.0)
    let product = a * b
    let mul = try #require(product.creator)
    #expect(mul is Mul && mul.inputs[0] === a && mul.inputs[1] === b)
    #expect(mul.outputShapesProduced == [[3]])
  }

  @Test func helpersAndExplicitCallsGiveTheSameGraphAndGradients() throws {
    func build(explicit: Bool) -> (x: Variable, y: Variable) {
      let x = Variable(0.3)
      let a = explicit ? Square()(x) : square(x)
      let b = explicit ? Exp()(a) : exp(a)
      let c = explicit ? Mul()(b, x) : b * x
      let d = explicit ? Sin()(c) : sin(c)
      return (x, explicit ? Add()(d, a) : d + a)
    }
    let deferred = build(explicit: false)
    let called = build(explicit: true)
    deferred.y.backward()
    called.y.backward()
    #expect(deferred.y.data == called.y.data)
    #expect(deferred.x.grad == called.x.grad)
    let names = ComputationGraph(output: deferred.y).functions.map(\.name)
    #expect(names == ComputationGraph(output: called.y).functions.map(\.name))
    #expect(names == ["Square", "Exp", "Mul", "Sin", "Add"])
  }

  /// The backward pass's scalar path (a unary record on a scalar) gives the bits the tensor path
  /// of the function object gives, for every unary op with a helper.
  @Test func aChainOfScalarsThroughEveryUnaryHelperMatchesTheCalls() {
    let helpers: [(Variable) -> Variable] = [square, exp, sin, cos, tanh, sigmoid, sqrt, log, neg, relu]
    let calls: [() -> Function] = [
      Square.init, Exp.init, Sin.init, Cos.init, Tanh.init, Sigmoid.init, Sqrt.init, Log.init, Neg.init,
      ReLU.init,
    ]
    for (helper, call) in zip(helpers, calls) {
      let (x, explicitX) = (Variable(0.7), Variable(0.7))
      let y = square(helper(x))
      let explicitY = Square()(call()(explicitX))
      y.backward()
      explicitY.backward()
      #expect(x.grad != nil && x.grad == explicitX.grad, "\(call().name)")
    }
  }

  @Test func aCreatorMadeDuringAPassRunsOnce() {
    // y = e² + e with e = exp(x): e gets gradient twice, from the Add and then from the Square.
    let x = Variable(0.5)
    let e = exp(x)
    let y = square(e) + e
    var pass = BackwardPass(from: y)
    #expect(pass.next()?.function is Add)
    // e's creator is scheduled as a record; made into an object now, it must not be scheduled again
    // when the Square's gradient arrives.
    #expect(e.creator is Exp)
    var names = [String]()
    while let step = pass.next() { names.append(step.function.name) }
    #expect(names == ["Square", "Exp"])
    let ex = e.data.scalar!
    #expect(abs(x.grad!.scalar! - (2 * ex + 1) * ex) < 1e-12)
  }

  @Test func aWholePassOverMadeAndUnmadeCreatorsMatchesTheSeed() {
    let x = Variable(0.5)
    let a = square(x)
    let y = square(exp(a))
    _ = a.creator
    y.backward()
    #expect(x.grad == Tensor(3.297442541400256))
  }

  @Test func aMadeCreatorOutlivingItsOutputReadsItAsNil() throws {
    let x = Variable(0.5)
    var creator: Function?
    do {
      let y = exp(x)
      creator = y.creator
    }
    let function = try #require(creator)
    #expect(function.outputs.count == 1 && function.outputs[0] == nil)
    #expect(function.inputs[0] === x)
  }

  @Test(arguments: [false, true])
  func recordsAndTheFunctionsMadeFromThemFreeTheirInputs(makeCreators: Bool) {
    weak var leaf: Variable?
    weak var middle: Variable?
    weak var function: Function?
    do {
      let x = Variable(0.5)
      let m = x * x  // one record holding x twice
      let y = exp(m) + m
      leaf = x
      middle = m
      if makeCreators {
        function = m.creator
        _ = y.creator
      }
      y.backward()
      #expect(x.grad == Tensor(2 * 0.5 * (1 + Foundation.exp(0.25))))
    }
    #expect(leaf == nil)
    #expect(middle == nil)
    #expect(function == nil)
  }

  @Test func aLongChainMixingHelpersAndCallsIsFreed() {
    weak var leaf: Variable?
    weak var middle: Function?
    do {
      var y = Variable(0.5)
      leaf = y
      for step in 0..<300_000 {
        y = step % 3 == 0 ? Neg()(y) : neg(y)
        if step == 150_000 { middle = y.creator }
      }
      y.backward()
    }
    #expect(leaf == nil)
    #expect(middle == nil)
  }
}

extension DeferredCreatorTests {
  @Test(arguments: [false, true])
  func aLongChainOfSquaresAsProductsIsFreed(explicit: Bool) {
    weak var leaf: Variable?
    do {
      var y = Variable(1.0)
      leaf = y
      for _ in 0..<300_000 { y = explicit ? Mul()(y, y) : y * y }
    }
    #expect(leaf == nil)
  }
}

/// y = a + b + c + d, a function of four inputs (to test inputs after the second).
final class SumOfFour: Function {
  override var arity: Int? { 4 }
  override func forward(_ xs: [Tensor]) -> [Tensor] { [xs[0] + xs[1] + xs[2] + xs[3]] }
  override func backward(_ gys: [Tensor]) -> [Tensor] { Array(repeating: gys[0], count: 4) }
}

extension DeferredCreatorTests {
  @Test func aLongChainOfFunctionsRepeatingALaterInputIsFreed() {
    weak var leaf: Variable?
    do {
      var y = Variable(0.0)
      leaf = y
      for _ in 0..<300_000 { y = SumOfFour()(Variable(1.0), Variable(1.0), y, y) }
    }
    #expect(leaf == nil)
  }
}
