import Autodiff
import Foundation
import GraphProgram

/// The rendered error `text` produces, or `"no error"` when it parses.
func renderedError(_ text: String, fileName: String? = nil, overrides: [String: Tensor] = [:]) -> String {
  do throws(ProgramError) {
    _ = try Program.parse(text, overrides: overrides)
    return "no error"
  } catch {
    return error.render(fileName: fileName)
  }
}

/// The directory of the example programs, `Assets/Examples`.
let examplesDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Assets/Examples")

/// The text of example `name` (without `.grad`).
func example(_ name: String) throws -> String {
  try String(contentsOf: examplesDirectory.appendingPathComponent(name + ".grad"), encoding: .utf8)
}
