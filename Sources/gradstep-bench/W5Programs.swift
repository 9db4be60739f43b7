import Foundation

/// The program texts W5 steps through.
enum W5Programs {
  /// The seed program, `Assets/Examples/seed.grad` (3 functions, 7 steps).
  static func seed() throws -> String {
    let url = GraphFiles.repositoryRoot.appendingPathComponent("Assets/Examples/seed.grad")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw CheckFailure(description: "cannot read \(url.path)")
    }
    return text
  }

  /// A chain of `functions` functions from `x = 0.5`, alternating `square` and `sqrt` (W2's chain):
  /// `v1 = square(x)`, `v2 = sqrt(v1)`, …; every value is 0.25 or 0.5.
  static func chain(functions: Int) -> String {
    var lines = ["x = 0.5"]
    for i in 1...functions {
      let input = i == 1 ? "x" : "v\(i - 1)"
      lines.append("v\(i) = \(i.isMultiple(of: 2) ? "sqrt" : "square")(\(input))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The width of `dag`'s layers.
  static let dagWidth = 50

  /// A layered DAG of `functions` functions (a multiple of `dagWidth`, at least 2 × `dagWidth`):
  /// `dagWidth` inputs `v0_i = 0.1 + 0.8·i/dagWidth`; then layers of `dagWidth` statements, where
  /// `v<l>_<i>` with a = `v<l−1>_<i>` and b = `v<l−1>_<j>` (j ≠ i drawn from a fixed 64-bit LCG with
  /// seed 42) is, by (l + i) mod 4, `a * b`, `cos(a)`, `a * b` or `tanh(a)`; finally `s` sums the
  /// last layer left to right (`dagWidth` − 1 additions) and `y = tanh(s)`. Every value stays
  /// within [−1, 1] before the sum, and every function reaches `y`.
  static func dag(functions: Int) -> String {
    let width = dagWidth
    precondition(functions.isMultiple(of: width) && functions >= 2 * width)
    var state: UInt64 = 42
    func draw(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var lines = (0..<width).map {
      "v0_\($0) = \(String(format: "%.3f", 0.1 + 0.8 * Double($0) / Double(width)))"
    }
    let layers = functions / width - 1
    for layer in 1...layers {
      for i in 0..<width {
        let a = "v\(layer - 1)_\(i)"
        let b = "v\(layer - 1)_\((i + 1 + draw(width - 1)) % width)"
        let expression = ["\(a) * \(b)", "cos(\(a))", "\(a) * \(b)", "tanh(\(a))"][(layer + i) % 4]
        lines.append("v\(layer)_\(i) = \(expression)")
      }
    }
    lines.append("s = " + (0..<width).map { "v\(layers)_\($0)" }.joined(separator: " + "))
    lines.append("y = tanh(s)")
    return lines.joined(separator: "\n") + "\n"
  }
}
