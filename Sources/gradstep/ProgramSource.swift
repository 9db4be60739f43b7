import Autodiff
import GraphProgram

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where the program comes from: a file, `-e` text, or the built-in seed; and how it is read.
struct ProgramSource {
  /// The name shown in the title line and in error messages.
  let name: String
  /// The program's bytes.
  let bytes: [UInt8]

  /// The source the command line names: `-e TEXT`, `FILE`, or the seed.
  static func select(file: String?, expression: String?) throws -> ProgramSource {
    switch (file, expression) {
    case (.some, .some):
      throw usageError("give either a program file or -e TEXT, not both")
    case (nil, .some(let text)):
      return ProgramSource(name: "-e", bytes: Array(text.utf8))
    case (.some(let path), nil):
      guard let data = FileManager.default.contents(atPath: path) else {
        let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
        throw usageError("cannot open program '\(path)': \(reason)")
      }
      if path.hasSuffix(".json") || path.hasSuffix(".dot") {
        throw usageError(
          "'\(path)' is a layout graph, not a GradStep program (.grad): it has no values or ops to step "
            + "through; `swift run -c release gradstep-bench w4` lays such graphs out and counts crossings")
      }
      return ProgramSource(name: path.split(separator: "/").last.map(String.init) ?? path, bytes: Array(data))
    case (nil, nil):
      return ProgramSource(name: EmbeddedSeed.fileName, bytes: Array(EmbeddedSeed.text.utf8))
    }
  }

  /// Parses the program with the `--set NAME=VALUE` overrides; a bad program or override is a
  /// usage error showing the place (`file:line:column`, the line, a caret).
  func parse(overrides arguments: [String]) throws -> Program {
    var overrides = [String: Tensor]()
    for argument in arguments {
      do {
        let (name, value) = try Program.parseOverride(argument)
        overrides[name] = value
      } catch {
        throw UsageError(message: error.render(fileName: "--set"), isRendered: true)
      }
    }
    do {
      return try Program.parse(bytes: bytes, overrides: overrides)
    } catch {
      throw UsageError(message: error.render(fileName: name), isRendered: true)
    }
  }
}
