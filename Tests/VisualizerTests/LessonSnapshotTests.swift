import Foundation
import Testing

@testable import Visualizer

/// Issue 11's lessons at 80×24, frame by frame: the diamond's backward queue by generation, the
/// gradients `retainGrad: false` frees, the seed after editing x from 0.5 to 0.7 at the last step,
/// nudging x, a second backward pass without and then after cleargrad, and a gradient of a gradient.
@Suite struct LessonSnapshotTests {
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    /// An example's name in `Assets/Examples`.
    let example: String
    let keys: String
    /// The first frame kept: the one after this many keys.
    let from: Int
    var description: String { name }
  }

  static let cases = [
    Case(name: "generations-diamond", example: "generations", keys: "vfnnnn", from: 5),
    Case(name: "retain-grad-off", example: "retain_grad", keys: "rfnnn", from: 4),
    Case(name: "edit-seed-x", example: "seed", keys: "b<tab>e<C-u>0.7<enter>", from: 7),
    Case(name: "nudge-seed-x", example: "seed", keys: "b<tab>+,-", from: 2),
    Case(name: "cleargrad", example: "cleargrad", keys: "fnnnnnnnnjjnb", from: 5),
    Case(name: "double-backward", example: "double_backward", keys: "fnnb", from: 0),
  ]

  @Test(arguments: cases)
  func framesMatchTheirSnapshots(_ testCase: Case) throws {
    let text = try String(
      contentsOf: ExampleTests.folder.appendingPathComponent(testCase.example + ".grad"), encoding: .utf8)
    let frames = try TestPrograms.frames(
      text, title: testCase.example + ".grad", keys: testCase.keys, from: testCase.from)
    assertSnapshot(frames, named: "lesson-\(testCase.name)-80x24")
  }
}
