import Autodiff
import Foundation

/// W1 "seed graph": per repetition, a new leaf x = 0.5, y = Square(Exp(Square(x))), backward from y
/// with seed gradient 1.0, and x.grad read as a `Double`; `ns_per_rep` is a run's time over R.
///
/// Two rows run beside it in the same process: the closed form (the limit of any method), and the
/// *object floor*: the closed form plus allocating and freeing four linked Swift objects, one per
/// variable of the seed's graph (x and the three outputs). A `Variable` is an object, as the seed's
/// is (users hold it and read its `grad` after backward), so no design of this API can beat the floor.
enum W1SeedGraph {
  /// dy/dx = 4x·e^(2x²) = 2·e^0.5 at x = 0.5.
  static let expected = 3.297442541400256

  /// Measures the autodiff graph, the closed form `4x·exp(2x²)` in plain Swift and the object
  /// floor, their runs taken in turn (`interleavedMedianRuns`), so that a change in the machine's
  /// load reaches all three alike and their ratios stay fair.
  static func run(reps: Int, report: Report) {
    let cases = [
      Case(fw: "gradstep", label: "W1 seed graph", reps: reps, loop: autodiffLoop),
      Case(fw: "swift-closed-form", label: "W1 closed form 4x·exp(2x²)", reps: reps, loop: closedFormLoop),
      Case(fw: "swift-object-floor", label: "W1 closed form + 4 objects", reps: reps, loop: objectFloorLoop),
    ]
    let measured = interleavedMedianRuns(cases.map { measuredCase in (60, .max, measuredCase.runOnce) })
    for (measuredCase, result) in zip(cases, measured) { report.add(measuredCase.finish(result)) }
  }

  /// What a loop of repetitions saw: the last gradient, how many were off, and their sum.
  struct LoopOutcome {
    var last = Double.nan
    var wrong = 0
    var sum = 0.0

    mutating func record(_ grad: Double) {
      if !(abs(grad - W1SeedGraph.expected) <= 1e-12) { wrong += 1 }
      last = grad
      sum += grad
    }
  }

  /// One of W1's rows: its loop, run and checked, and what its runs add up to.
  final class Case {
    let fw: String
    let label: String
    let reps: Int
    let loop: (Int) -> LoopOutcome
    private var sink = 0.0
    private var last = Double.nan

    init(fw: String, label: String, reps: Int, loop: @escaping (Int) -> LoopOutcome) {
      (self.fw, self.label, self.reps, self.loop) = (fw, label, reps, loop)
    }

    /// One timed run of `reps` repetitions; throws when a gradient is off.
    func runOnce() throws -> [Double] {
      let (time, outcome) = timed { loop(reps) }
      guard outcome.wrong == 0, abs(outcome.sum / Double(reps) - expected) <= 1e-12 else {
        throw CheckFailure(
          description: "\(outcome.wrong) of \(reps) gradients off by more than 1e-12 from \(expected)"
            + " (last \(outcome.last))")
      }
      sink += outcome.sum
      last = outcome.last
      return [time]
    }

    /// The row's result line from its measurement.
    func finish(_ measured: Result<(phases: [Double], runs: Int), any Error>) -> CaseResult {
      var base = JSONLine()
      base["workload"] = .string("W1")
      base["fw"] = .string(fw)
      base["reps"] = .int(reps)
      return caseResult(base: base, label: label, measured: measured) { line, phases in
        let nanoseconds = phases[0] / Double(reps) * 1e9
        line["grad"] = .double(last)
        line["ns_per_rep"] = .double(rounded(nanoseconds, places: 1))
        line["sink"] = .double(sink)
        return "\(formatted(nanoseconds)) ns/rep"
      }
    }
  }

  /// R repetitions of leaf, graph, backward and gradient read, as a user writes them.
  @inline(never)
  static func autodiffLoop(reps: Int) -> LoopOutcome {
    var outcome = LoopOutcome()
    for _ in 0..<reps {
      let x = Variable(0.5)
      let y = square(exp(square(x)))
      y.backward()
      outcome.record(x.grad?.scalar ?? .nan)
    }
    return outcome
  }

  /// R evaluations of the closed-form derivative. The input is 0.5 plus i times a zero the compiler
  /// cannot see, so each repetition really calls `exp`; every result is checked and summed.
  @inline(never)
  static func closedFormLoop(reps: Int) -> LoopOutcome {
    var outcome = LoopOutcome()
    for rep in 0..<reps {
      let x = 0.5 + Double(rep) * Opaque.zero
      outcome.record(4 * x * Foundation.exp(2 * x * x))
    }
    return outcome
  }

  /// One heap object of the floor loop: a value and a strong reference to the object before it, as
  /// a graph's variables hold their creators' inputs.
  final class FloorObject {
    let value: Double
    let previous: FloorObject?

    init(_ value: Double, after previous: FloorObject?) {
      self.value = value
      self.previous = previous
    }
  }

  /// The last chain the floor loop built: storing it makes every object escape, so the compiler
  /// must allocate each on the heap, as a graph's are; the next repetition's store frees it.
  nonisolated(unsafe) static var floorChain: FloorObject?

  /// R repetitions of the closed form with four linked objects allocated and freed around it.
  @inline(never)
  static func objectFloorLoop(reps: Int) -> LoopOutcome {
    var outcome = LoopOutcome()
    for rep in 0..<reps {
      var chain = FloorObject(0.5 + Double(rep) * Opaque.zero, after: nil)
      for _ in 1..<4 { chain = FloorObject(chain.value, after: chain) }
      floorChain = chain
      let x = chain.value
      outcome.record(4 * x * Foundation.exp(2 * x * x))
    }
    floorChain = nil
    return outcome
  }
}
