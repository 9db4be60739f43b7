// The seed of DeZero steps 1–4 written in Swift with the Autodiff library, shown with GradStepUI:
// `swift run gradstep-swift-example` prints the last frame and the numbers;
// `swift run gradstep-swift-example --interactive` opens the graph in the terminal. Neither leaves
// gradients behind in the graph (GradStep gives it back as it found it), so `y.backward()` below
// computes them as DeZero's step 4 does.
import Autodiff
import GradStepUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let x = Variable(0.5, name: "x")
let a = Square()(x)
a.name = "a"
let b = Exp()(a)
b.name = "b"
let y = Square()(b)
y.name = "y"

if CommandLine.arguments.dropFirst().contains("--interactive") {
  let ending = try visualize(y, title: "seed in Swift")
  y.backward()
  print("x.grad = \(x.grad!)")
  exit(ending.exitCode)
} else {
  print(try snapshot(y, keys: "b", size: (columns: 80, rows: 24), title: "seed in Swift"))
  y.backward()
  print("x.grad = \(x.grad!)")
  print("numerical = \(numericalDiff({ square(exp(square($0))) }, Variable(0.5)))")
}
