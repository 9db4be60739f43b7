import Autodiff

/// W2 "deep chain": from x = 0.5, N unary functions alternating Square (even i) and Sqrt (odd i);
/// every value is 0.25 or 0.5 and dy/dx = 1.0 exactly.
enum W2DeepChain {
  /// Measures each chain length in `lengths`.
  static func run(lengths: [Int], report: Report) {
    for n in lengths {
      var base = JSONLine()
      base["workload"] = .string("W2")
      base["fw"] = .string("gradstep")
      base["n"] = .int(n)
      report.add(
        measureCase(
          base: base, label: "W2 deep chain N=\(formatted(Double(n), places: 0))", slowSeconds: 5,
          slowPhases: 2,
          runOnce: {
            try timeGraph(build: { chain(n) }) { grad in
              guard abs(grad - 1) <= 1e-12 else {
                throw CheckFailure(description: "x.grad = \(grad), expected 1.0 within 1e-12")
              }
            }
          },
          fill: { line, phases in fillGraphTimes(&line, phases: phases, count: n, unit: "op") }))
    }
  }

  /// The chain of `n` functions from a new leaf 0.5.
  static func chain(_ n: Int) -> Graph {
    let x = Variable(0.5)
    var y = x
    for i in 0..<n {
      y = i.isMultiple(of: 2) ? square(y) : sqrt(y)
    }
    return (x, y)
  }
}
