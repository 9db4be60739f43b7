import Autodiff
import Foundation
import GraphProgram
import Testing

/// Random and mutated inputs: each parses or throws a `ProgramError`, never crashes, and quickly.
@Suite struct FuzzTests {
  /// A small deterministic generator (SplitMix64), so a failure can be reproduced.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Parses `bytes`; a thrown `ProgramError` is fine, and so is success.
  func survive(_ bytes: [UInt8]) {
    do throws(ProgramError) {
      let program = try Program.parse(bytes: bytes)
      program.output.backward()
    } catch {
      #expect(error.line >= 1)
      #expect(!error.render().isEmpty)
    }
  }

  static let pieces: [String] = [
    "x", "y", "W", "v", "=", " = ", "+", "-", "*", "/", "^", "(", ")", "[", "]", ",", ";", "\n", "#", " ",
    "0.5", "2", "-1", "1e3", "1e999", "nan", "square(", "exp(", "sum(", "matmul(", "reshape(", "transpose(",
    "broadcast_to(", "sum_to(", "pow(", "keepdims", "output ", "[1, 2]", "[[1, 2], [3, 4]]", "θ", "\t", "é",
  ]

  @Test func truncatedExamplesNeverCrash() throws {
    for name in ExampleTests.names {
      let bytes = Array(try example(name).utf8)
      for length in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 200)) {
        survive(Array(bytes.prefix(length)))
      }
    }
  }

  @Test func mutatedExamplesNeverCrash() throws {
    var random = SplitMix(state: 42)
    for name in ExampleTests.names {
      let original = Array(try example(name).utf8)
      for _ in 0..<150 {
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
          let position = Int.random(in: 0..<bytes.count, using: &random)
          switch Int.random(in: 0..<4, using: &random) {
          case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
          case 1: bytes.remove(at: position)
          case 2: bytes.insert(contentsOf: Self.pieces.randomElement(using: &random)!.utf8, at: position)
          default: bytes.insert(bytes[position], at: position)
          }
        }
        survive(bytes)
      }
    }
  }

  @Test func randomTokenSoupNeverCrashes() {
    var random = SplitMix(state: 7)
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...30, using: &random)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
      survive(Array(("x = 0.5\nv = [1, 2]\nW = [[1, 2], [3, 4]]\n" + text).utf8))
    }
  }

  @Test func randomBytesNeverCrash() {
    var random = SplitMix(state: 99)
    for _ in 0..<1_000 {
      let count = Int.random(in: 0...60, using: &random)
      survive((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
  }

  @Test(.timeLimit(.minutes(1))) func pathologicalInputsFinishQuickly() {
    let start = ContinuousClock.now
    let longLine = "x = 1\ny = " + Array(repeating: "x", count: 30_000).joined(separator: "*")
    let cases = [
      String(repeating: "(", count: 100_000),
      "x = 1\ny = " + String(repeating: "exp(", count: 100_000),
      "v = " + String(repeating: "[", count: 100_000),
      "x = " + String(repeating: "9", count: 200_000),
      "x = 0." + String(repeating: "0", count: 200_000) + "1\ny = exp(x)",
      "x = 1\ny = x ^ " + String(repeating: "9", count: 1_000),
      "x = 1\ny = reshape(x, " + Array(repeating: "1000000000", count: 1_000).joined(separator: ", ") + ")",
      "x = 1\ny = broadcast_to(x, 1000000000, 1000000000, 1000000000)",
      "v = [" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + "]\ny = sum(v)",
      longLine,
      String(repeating: "x = 1; ", count: 2) + String(repeating: "\n", count: 100_000),
      String(repeating: "# comment\n", count: 50_000) + "x = 1\ny = exp(x)",
      "x = 1\n" + (1...5_000).map { "a\($0) = x + 1" }.joined(separator: "\n"),
      "x = 1\ny = " + String(repeating: "- ", count: 100_000) + "x",
      "x = 1\ny = x" + String(repeating: " ^ 2", count: 100_000),
    ]
    for text in cases { survive(Array(text.utf8)) }
    #expect(ContinuousClock.now - start < .seconds(30))
  }
}
