import Autodiff
import Foundation
import GraphProgram
import Stepping
import Testing

@testable import Visualizer

/// The gradient check near a domain edge, as the inspector and the JSON show it: a pass with the
/// smaller step, or `n/a` with the reason, never a bare `✗ FAIL`.
@Suite struct GradientCheckDomainViewTests {
  private func jsonEntry(_ state: AppState) throws -> [String: Any] {
    let check = try GradientCheckViewing.check(state)
    #expect(check["passed"] as? Bool == true)
    return try #require((check["entries"] as! [[String: Any]]).first)
  }

  @Test func logOfATinyInputPassesWithASmallerStep() throws {
    let state = try GradientCheckViewing.end("a = 1e-9\ny = log(a)")
    let text = GradientCheckViewing.inspectorText(state)
    #expect(text.contains("✓ pass, eps 1e-15"), "\(text)")
    #expect(!text.contains("FAIL") && !text.contains("nan"))
    let entry = try jsonEntry(state)
    #expect(entry["step"] as? Double == 1e-15)
    #expect(entry["not_applicable"] is NSNull)
  }

  @Test func whereNoStepStaysInsideTheCheckSaysWhy() throws {
    let state = try GradientCheckViewing.end("x = 1\ny = log(x - 0.9999999)")
    let text = GradientCheckViewing.inspectorText(state)
    #expect(text.contains("n/a: x ± 1e-06 leaves the domain of log"), "\(text)")
    #expect(!text.contains("FAIL"))
    let entry = try jsonEntry(state)
    #expect(entry["not_applicable"] as? String == "x ± 1e-06 leaves the domain of log")
    #expect(entry["pass"] as? Bool == false)
  }
}
