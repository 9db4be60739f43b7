// A client's view of the Swift API: only the public API of Autodiff and GradStepUI, no
// @testable import. `snapshot` must leave the caller's graph as it found it.
import Autodiff
import GradStepUI
import Testing

/// The seed's graph, `y = square(exp(square(x)))`, with its variables.
private func seed(x value: Double = 0.5) -> (x: Variable, y: Variable, all: [Variable]) {
  let x = Variable(value, name: "x")
  let a = square(x)
  let b = exp(a)
  let y = square(b)
  return (x, y, [x, a, b, y])
}

/// Karpathy's neuron, `o = tanh(x·w + b)`, with its variables.
private func neuron() -> (o: Variable, inputs: [Variable], all: [Variable]) {
  let x = Variable(2.0, name: "x")
  let w = Variable(-3.0, name: "w")
  let b = Variable(6.8813735870195432, name: "b")
  let xw = x * w
  let n = xw + b
  let o = tanh(n)
  return (o, [x, w, b], [x, w, b, xw, n, o])
}

private func grads(_ variables: [Variable]) -> [[Double]?] { variables.map { $0.grad?.scalars } }
private func data(_ variables: [Variable]) -> [[Double]] { variables.map(\.data.scalars) }

@Suite("The Swift API leaves the caller's graph as it found it")
struct CallerGraphTests {
  @Test("The issue's example: w.grad after snapshot and backward is the fresh gradient")
  func issueExample() throws {
    let (o, inputs, all) = neuron()
    _ = try snapshot(o, keys: "b", size: (columns: 100, rows: 30))
    #expect(grads(all).allSatisfy { $0 == nil })
    o.backward()
    #expect(inputs[1].grad?.scalars == [0.9999999999999996])
  }

  @Test(
    "backward after snapshot gives a fresh graph's gradients, whatever keys ran",
    arguments: ["", "n", "b", "bg", "b<left><left>", "fb?"])
  func seedAfterSnapshot(keys: String) throws {
    let shown = seed()
    let fresh = seed()
    _ = try snapshot(shown.y, keys: keys)
    #expect(grads(shown.all).allSatisfy { $0 == nil })
    #expect(data(shown.all) == data(fresh.all))
    shown.y.backward()
    fresh.y.backward()
    #expect(grads(shown.all) == grads(fresh.all))
    #expect(shown.x.grad?.scalars == [3.297442541400256])
  }

  @Test("Grads set before the call are the same after it")
  func earlierGradsKept() throws {
    let (o, _, all) = neuron()
    o.backward()
    let before = grads(all)
    _ = try snapshot(o, keys: "b")
    #expect(grads(all) == before)
    let shown = seed()
    shown.y.backward(retainGrad: false)
    let seedBefore = grads(shown.all)
    #expect(seedBefore[1] == nil)
    _ = try snapshot(shown.y, keys: "b")
    #expect(grads(shown.all) == seedBefore)
  }

  @Test("An edit keeps the input's new value, recomputes its dependants, and leaves no gradient")
  func editKeepsValue() throws {
    let shown = seed()
    _ = try snapshot(shown.y, keys: "b<edit:x=1.5>")
    let fresh = seed(x: 1.5)
    #expect(shown.x.data.scalars == [1.5])
    #expect(data(shown.all) == data(fresh.all))
    #expect(grads(shown.all).allSatisfy { $0 == nil })
    shown.y.backward()
    fresh.y.backward()
    #expect(grads(shown.all) == grads(fresh.all))
  }

  @Test("A neuron edited in the snapshot backpropagates as a fresh one with the new value")
  func neuronEdit() throws {
    let (o, inputs, all) = neuron()
    _ = try snapshot(o, keys: "<edit:w=-2.5>b")
    #expect(inputs[1].data.scalars == [-2.5])
    #expect(grads(all).allSatisfy { $0 == nil })
    o.backward()
    let x = Variable(2.0)
    let w = Variable(-2.5)
    let b = Variable(6.8813735870195432)
    let fresh = tanh(x * w + b)
    fresh.backward()
    #expect(o.data == fresh.data)
    #expect([x.grad, w.grad, b.grad].map { $0?.scalars } == grads(inputs))
  }

  @Test("A gradient kept as a graph (createGraph) can still be differentiated after the call")
  func gradVariableKept() throws {
    func cube() -> (x: Variable, y: Variable) {
      let x = Variable(2.0, name: "x")
      return (x, x * x * x)
    }
    let shown = cube()
    let fresh = cube()
    shown.y.backward(createGraph: true)
    fresh.y.backward(createGraph: true)
    let gx = try #require(shown.x.gradVariable)
    let freshGx = try #require(fresh.x.gradVariable)
    _ = try snapshot(shown.y, keys: "b")
    #expect(shown.x.gradVariable === gx)
    #expect(shown.x.grad?.scalars == [12.0])
    shown.x.cleargrad()
    fresh.x.cleargrad()
    gx.backward()
    freshGx.backward()
    #expect(shown.x.grad == fresh.x.grad)
  }
}
