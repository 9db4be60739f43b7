import Foundation
import Testing

@testable import Visualizer

/// The screen's answers to issue 14, frame by frame at 80×24 and 120×40: the MLP's backward MatMul
/// and broadcasting Add steps (scrolled to the end), full digits, a selected tensor's elements, the linear and wide examples'
/// whole gradient checks by scrolling, Esc, the status line, and panning a long chain.
@Suite struct ScreenSnapshotTests {
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    /// An example's name in `Assets/Examples`, or `nil` for the MLP of `TestPrograms`.
    let example: String?
    let keys: String
    /// The first frame kept: the one after this many keys.
    let from: Int
    var description: String { name }
  }

  static let cases = [
    Case(name: "mlp-matmul-backward", example: nil, keys: "bppp]]", from: 4),
    Case(name: "mlp-add-broadcast-b2", example: nil, keys: "bpppp]]", from: 5),
    Case(name: "mlp-add-broadcast-b1", example: nil, keys: "bp]]", from: 2),
    Case(name: "mlp-full-digits", example: nil, keys: "bppppd", from: 6),
    Case(name: "mlp-selected-tensor", example: nil, keys: "b<tab>]", from: 2),
    Case(name: "linear-gradient-check", example: "linear", keys: "b]]", from: 1),
    Case(name: "wide-gradient-check", example: "wide", keys: "b]", from: 1),
    Case(name: "seed-esc", example: "seed", keys: "?<esc><tab><esc>", from: 1),
    Case(name: "status-line", example: "wide", keys: "cpx", from: 1),
    Case(name: "chain100-pan", example: "chain100", keys: "LLL", from: 0),
  ]

  static let sizes = [(80, 24), (120, 40)]

  @Test(arguments: cases)
  func framesMatchTheirSnapshots(_ testCase: Case) throws {
    let text =
      try testCase.example.map {
        try String(
          contentsOf: ExampleTests.folder.appendingPathComponent($0 + ".grad"), encoding: .utf8)
      } ?? TestPrograms.mlp
    for (columns, rows) in Self.sizes {
      let frames = try TestPrograms.frames(
        text, title: (testCase.example ?? "mlp") + ".grad", keys: testCase.keys, from: testCase.from,
        columns: columns, rows: rows)
      assertSnapshot(frames, named: "screen-\(testCase.name)-\(columns)x\(rows)")
    }
  }
}
