import Autodiff
import Foundation
import Testing

/// `backward()` runs a chain of unary ops on scalars on `Double`s, without a `BackwardPass`, and the
/// helpers compute a scalar's value without tensors: both give the bits of the general paths (a
/// `BackwardPass` stepped with `next()`, which makes the function objects and runs their tensor
/// backward; an op's `apply` on a one-element tensor), in every case the chain can meet.
@Suite struct ScalarChainTests {
  /// Every unary op with a helper, as the helper and as its function class.
  static var ops: [(helper: (Variable) -> Variable, function: () -> ElementwiseFunction)] {
    [
      (square, Square.init), (exp, Exp.init), (sin, Sin.init), (cos, Cos.init), (tanh, Tanh.init),
      (sigmoid, Sigmoid.init), (sqrt, Sqrt.init), (log, Log.init), (neg, Neg.init), (relu, ReLU.init),
    ]
  }
  /// Every binary op with a helper, as the helper and as its function class.
  static var binaryOps: [(helper: (Variable, Variable) -> Variable, function: () -> BinaryFunction)] {
    [(add, Add.init), (sub, Sub.init), (mul, Mul.init), (div, Div.init)]
  }

  /// Inputs inside every op's domain, with a zero for the kinks.
  static let inputs = [0.7, 0.5, 2.25, 1e-3, 13.0]
  static let signedInputs = [-1.5, -1e-3, 0.0]

  /// A scalar gradient's bits (so that two NaNs compare equal when they are the same NaN).
  static func bits(_ gradient: Tensor?) -> UInt64? { gradient?.scalar?.bitPattern }

  /// The gradients a general pass leaves: `BackwardPass` stepped to the end with `next()`.
  static func steppedPass(from output: Variable, retainGrad: Bool = true) {
    var pass = BackwardPass(from: output, retainGrad: retainGrad)
    while pass.next() != nil {}
  }

  /// `[x, first(x), second(first(x))]` with x = `value`, built twice: one for `backward()`, one for
  /// the stepped pass.
  static func twinChains(
    _ first: (Variable) -> Variable, _ second: (Variable) -> Variable, at value: Double
  ) -> (chain: [Variable], stepped: [Variable]) {
    func build() -> [Variable] {
      let x = Variable(value)
      let a = first(x)
      return [x, a, second(a)]
    }
    return (build(), build())
  }

  @Test func everyUnaryOpsScalarValueIsItsApplyOnATensor() {
    for (helper, function) in Self.ops {
      let op = function()
      for value in Self.inputs + Self.signedInputs where !(value <= 0 && (op is Sqrt || op is Log)) {
        let tensorValue = op.apply(Tensor([value])).scalars[0]
        let scalarValue = helper(Variable(value)).data.scalar!
        #expect(scalarValue.bitPattern == tensorValue.bitPattern, "\(op.name)(\(value))")
      }
    }
  }

  @Test func everyPairOfUnaryOpsGivesTheSteppedPassesGradients() {
    for (firstHelper, firstFunction) in Self.ops {
      for (secondHelper, secondFunction) in Self.ops {
        let names = "\(firstFunction().name) then \(secondFunction().name)"
        for value in Self.inputs {
          let (chain, stepped) = Self.twinChains(firstHelper, secondHelper, at: value)
          chain[2].backward()
          Self.steppedPass(from: stepped[2])
          for position in 0..<3 {
            #expect(
              Self.bits(chain[position].grad) == Self.bits(stepped[position].grad),
              "\(names) at \(value), variable \(position)")
          }
          #expect(chain[0].grad != nil, "\(names) at \(value)")
        }
      }
    }
  }

  @Test func kinksAndNegativeInputsGiveTheSteppedPassesGradients() {
    let ops = Self.ops.filter { !($0.function() is Sqrt || $0.function() is Log) }
    for (helper, function) in ops {
      for value in Self.signedInputs {
        let (chain, stepped) = Self.twinChains(helper, neg, at: value)
        chain[2].backward()
        Self.steppedPass(from: stepped[2])
        #expect(Self.bits(chain[0].grad) == Self.bits(stepped[0].grad), "\(function().name) at \(value)")
      }
    }
  }

  @Test func withoutRetainGradOnlyTheLeafKeepsItsGradient() {
    let (chain, stepped) = Self.twinChains(exp, square, at: 0.5)
    chain[2].backward(retainGrad: false)
    Self.steppedPass(from: stepped[2], retainGrad: false)
    #expect(chain[0].grad == stepped[0].grad && chain[0].grad != nil)
    #expect(chain[1].grad == nil && chain[2].grad == nil)
    #expect(stepped[1].grad == nil && stepped[2].grad == nil)
  }

  @Test func aSecondPassAddsToEveryGradientAsTheSteppedPassDoes() {
    let (chain, stepped) = Self.twinChains(sin, exp, at: 0.3)
    chain[2].backward()
    chain[2].backward()
    Self.steppedPass(from: stepped[2])
    Self.steppedPass(from: stepped[2])
    for position in 0..<3 { #expect(chain[position].grad == stepped[position].grad) }
    // The output's gradient is not seeded again: it stays 1, and the others add up.
    #expect(chain[2].grad == Tensor(1))
    #expect(chain[1].grad == chain[1].grad.map { _ in Tensor(2 * Foundation.exp(Foundation.sin(0.3))) })
  }

  @Test func aGradientSetBeforeThePassIsItsSeed() {
    let (chain, stepped) = Self.twinChains(square, tanh, at: 0.4)
    chain[2].grad = Tensor(-3)
    stepped[2].grad = Tensor(-3)
    chain[2].backward()
    Self.steppedPass(from: stepped[2])
    #expect(chain[0].grad == stepped[0].grad)
    #expect(chain[2].grad == Tensor(-3))
  }

  @Test func theChainHandsTheRestOfTheGraphToAPass() {
    // A binary op, a creator already made into an object, and a tensor each end the chain; the
    // pass that finishes the graph must give the stepped pass's gradients.
    func build(_ value: Double) -> (leaves: [Variable], output: Variable) {
      let x = Variable(value)
      let w = Variable(1.5)
      let product = exp(x * w)
      let made = square(product)
      _ = made.creator
      let tensor = Variable(Tensor([value, 2 * value]))
      return ([x, w, tensor], sin(square(made)) + sum(tensor * x))
    }
    let chain = build(0.3)
    let stepped = build(0.3)
    chain.output.backward()
    Self.steppedPass(from: stepped.output)
    for (leaf, twin) in zip(chain.leaves, stepped.leaves) {
      #expect(leaf.grad != nil && leaf.grad == twin.grad)
    }

    let vector = Variable(Tensor([0.5, 0.25]))
    let output = exp(square(vector))
    output.backward()
    #expect(vector.grad == Tensor([0.5, 0.25]).map { 2 * $0 * Foundation.exp($0 * $0) })
  }

  @Test func aLeafAloneIsSeededWithOne() {
    let x = Variable(0.5)
    x.backward()
    #expect(x.grad == Tensor(1))
  }

  @Test func theChainStillMakesTheSameGraphAndCreateGraphStillRecords() throws {
    let x = Variable(0.5)
    let y = square(exp(square(x)))
    y.backward()
    #expect(x.grad == Tensor(3.297442541400256))
    let names = ComputationGraph(output: y).functions.map(\.name)
    #expect(names == ["Square", "Exp", "Square"])

    let recorded = Variable(0.5)
    let z = square(exp(square(recorded)))
    z.backward(createGraph: true)
    let gradient = try #require(recorded.gradVariable)
    #expect(gradient.data == x.grad!)
    #expect(gradient.creator != nil)
  }

  @Test func everyBinaryOpsScalarValueIsItsApplyOnTensors() {
    for (helper, function) in Self.binaryOps {
      let op = function()
      for a in Self.inputs + Self.signedInputs {
        for b in Self.inputs + Self.signedInputs {
          let tensorValue = op.apply(Tensor([a]), Tensor([b])).scalars[0]
          let scalarValue = helper(Variable(a), Variable(b)).data.scalar!
          #expect(scalarValue.bitPattern == tensorValue.bitPattern, "\(op.name)(\(a), \(b))")
        }
      }
    }
  }

  /// Graphs of binary ops on scalars: with a leaf on either side (the chain goes on), one input
  /// twice (it goes on once), and two inputs with creators (a pass takes over), each under a
  /// `square`, with and without `retainGrad`.
  @Test(arguments: [true, false])
  func binaryOpsOnScalarsGiveTheSteppedPassesGradients(retainGrad: Bool) {
    func onItself(_ op: (Variable, Variable) -> Variable, _ e: Variable) -> Variable { op(e, e) }
    let shapes: [(String, ((Variable, Variable) -> Variable, Variable, Variable) -> Variable)] = [
      ("op(exp(x), w)", { op, x, w in op(exp(x), w) }),
      ("op(w, sin(x))", { op, x, w in op(w, sin(x)) }),
      ("op(e, e)", { op, x, _ in onItself(op, exp(x)) }),
      ("op(x, x)", { op, x, _ in op(x, x) }),
      ("op(sin(x), cos(w))", { op, x, w in op(sin(x), cos(w)) }),
      ("op(square(x), w · x)", { op, x, w in op(square(x), w * x) }),
    ]
    for (helper, function) in Self.binaryOps {
      for (shape, build) in shapes {
        for (xValue, wValue) in [(0.6, -1.25), (0.3, 0.7), (2.25, 3.7)] {
          func graph() -> [Variable] {
            let (x, w) = (Variable(xValue), Variable(wValue))
            let inner = build(helper, x, w)
            return [x, w, inner, square(inner)]
          }
          let (chain, stepped) = (graph(), graph())
          chain[3].backward(retainGrad: retainGrad)
          Self.steppedPass(from: stepped[3], retainGrad: retainGrad)
          let label = "\(function().name): \(shape) at x = \(xValue), w = \(wValue)"
          for position in 0..<4 {
            #expect(
              Self.bits(chain[position].grad) == Self.bits(stepped[position].grad),
              "\(label), variable \(position)")
          }
          #expect(chain[0].grad != nil, "\(label)")
        }
      }
    }
  }
}
