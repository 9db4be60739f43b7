import Autodiff

/// The seed notebook's graph: x = 0.5, a = square(x), b = exp(a), y = square(b).
enum SeedGraph {
  static func build() -> Variable {
    let x = Variable(0.5, name: "x")
    let a = square(x)
    a.name = "a"
    let b = exp(a)
    b.name = "b"
    let y = square(b)
    y.name = "y"
    return y
  }
}
