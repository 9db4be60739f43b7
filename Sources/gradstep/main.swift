import Autodiff

// The seed notebook's graph x → Square → Exp → Square at x = 0.5, its backward pass and the
// numerical check; replaced by the stepping screens as they land.
let x = Variable(0.5, name: "x")
let a = square(x)
let b = exp(a)
let y = square(b)
y.backward()
print("y = \(y.data)")
print("x.grad = \(x.grad!)")
let numerical = numericalDiff({ square(exp(square($0))) }, Variable(0.5))
print("numerical_diff = \(numerical)")
