import Autodiff

/// W3 "wide DAG / fan-out": y is the sum of N terms x·x at x = 0.5, each a new Mul with x on both
/// inputs, so dy/dx = 2xN = N exactly. `fold` adds left-deep (depth N−1), `tree` pairwise (depth
/// ⌈log2 N⌉).
enum W3FanOut {
  /// The two reductions of the N terms.
  enum Reduction: String, CaseIterable {
    case fold, tree
  }

  /// Measures each reduction at each size in `sizes`; each line after the first of a reduction also
  /// carries its per-term times relative to the first size (`forward_linearity`, 1.0 = linear).
  static func run(sizes: [Int], report: Report) {
    for reduction in Reduction.allCases {
      var smallest: (n: Int, phases: [Double])?
      for n in sizes {
        var base = JSONLine()
        base["workload"] = .string("W3")
        base["fw"] = .string("gradstep")
        base["n"] = .int(n)
        base["reduce"] = .string(reduction.rawValue)
        let result = measureCase(
          base: base, label: "W3 \(reduction.rawValue) N=\(formatted(Double(n), places: 0))", slowSeconds: 5,
          slowPhases: 2,
          runOnce: {
            try timeGraph(build: { sum(n, reduction) }) { grad in
              guard grad == Double(n) else {
                throw CheckFailure(description: "x.grad = \(grad), expected exactly \(n)")
              }
            }
          },
          fill: { line, phases in
            var summary = fillGraphTimes(&line, phases: phases, count: n, unit: "term")
            if let (baseN, basePhases) = smallest {
              let forward = phases[0] / Double(n) / (basePhases[0] / Double(baseN))
              let backward = phases[1] / Double(n) / (basePhases[1] / Double(baseN))
              line["linearity_base_n"] = .int(baseN)
              line["forward_linearity"] = .double(rounded(forward, places: 2))
              line["backward_linearity"] = .double(rounded(backward, places: 2))
              summary +=
                ", per term ×\(formatted(forward, places: 2)) / ×\(formatted(backward, places: 2))"
                + " vs N=\(formatted(Double(baseN), places: 0))"
            } else {
              smallest = (n, phases)
            }
            return summary
          })
        report.add(result)
      }
    }
  }

  /// The sum of `n` terms x·x from a new leaf 0.5, reduced as `reduction` says.
  static func sum(_ n: Int, _ reduction: Reduction) -> Graph {
    let x = Variable(0.5)
    switch reduction {
    case .fold:
      var y = mul(x, x)
      for _ in 1..<n {
        let term = mul(x, x)
        y = add(y, term)
      }
      return (x, y)
    case .tree:
      var terms = (0..<n).map { _ in mul(x, x) }
      while terms.count > 1 {
        var next = stride(from: 0, to: terms.count - 1, by: 2).map { add(terms[$0], terms[$0 + 1]) }
        if terms.count % 2 == 1 { next.append(terms[terms.count - 1]) }
        terms = next
      }
      return (x, terms[0])
    }
  }
}
