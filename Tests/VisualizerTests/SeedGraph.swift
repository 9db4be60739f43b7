import Autodiff
import Visualizer

/// The graphs the visualiser tests use.
enum TestGraphs {
  /// The seed: x = 0.5, a = square(x), b = exp(a), y = square(b).
  static func seed() -> Variable {
    let x = Variable(0.5, name: "x")
    let a = square(x)
    a.name = "a"
    let b = exp(a)
    b.name = "b"
    let y = square(b)
    y.name = "y"
    return y
  }

  /// A branching graph with a reused variable: `u = x·y`, `v = x + u`, `z = v·v + sin(x)`.
  static func branching() -> Variable {
    let x = Variable(0.5, name: "x")
    let y = Variable(-1.5, name: "y")
    let u = x * y
    u.name = "u"
    let v = x + u
    v.name = "v"
    let w = v * v
    w.name = "w"
    let s = sin(x)
    s.name = "s"
    let z = w + s
    z.name = "z"
    return z
  }
}
