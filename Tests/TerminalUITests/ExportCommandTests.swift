import Foundation
import Testing

/// `gradstep --export FORMAT [-o FILE]` and the Swift example: each format from the real binary,
/// Graphviz accepting the DOT, and bad formats or paths refused with exit 2 and no file left.
@Suite struct ExportCommandTests {
  private func gradstep(_ arguments: [String]) throws -> ProcessResult {
    try ChildProcess.run([GradStepBinary.path] + arguments, timeout: .seconds(30))
  }

  /// A new empty directory for one test's files.
  private func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func txtAndJSONAreWhatHeadlessAndJSONPrint() throws {
    #expect(
      try gradstep(["--export", "txt", "--keys", "b"]).standardOutput
        == (try gradstep(["--headless", "--keys", "b"]).standardOutput))
    #expect(
      try gradstep(["--export", "json", "--keys", "b"]).standardOutput
        == (try gradstep(["--json", "--keys", "b"]).standardOutput))
  }

  @Test func eachFormatIsWrittenToTheFileNamed() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for format in ["dot", "svg", "asciicast", "txt", "json"] {
      let path = directory.appendingPathComponent("seed.\(format)").path
      let keys = format == "asciicast" ? [] : ["--keys", "b"]  // without keys: every step
      let result = try gradstep(["--export", format, "-o", path] + keys)
      #expect(result.status == .exited(0), "\(format): \(result.standardError)")
      #expect(result.standardOutput.isEmpty)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(text.contains("3.29") || text.contains("3.297442541400256"), "\(format)")
    }
    let recording = try String(
      contentsOfFile: directory.appendingPathComponent("seed.asciicast").path, encoding: .utf8)
    #expect(recording.split(separator: "\n").count == 1 + 1 + 7, "header, the start, one event per step")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 5)
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz (dot) is not installed"))
  func graphvizAcceptsTheDOT() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (program, keys) in [
      ([String](), "nnnnn"), ([CommandLineTests.examples.appendingPathComponent("linear.grad").path], "b"),
    ] {
      let dotFile = directory.appendingPathComponent("graph.dot").path
      #expect(
        try gradstep(program + ["--export", "dot", "--keys", keys, "-o", dotFile]).status == .exited(0))
      let rendered = try ChildProcess.run(["dot", "-Tsvg", dotFile], timeout: .seconds(30))
      #expect(rendered.status == .exited(0), "\(rendered.standardError)")
      #expect(rendered.standardError.isEmpty, "dot warned: \(rendered.standardError)")
      #expect(rendered.standardOutput.contains("</svg>"))
    }
  }

  @Test func anUnknownFormatIsAnError() throws {
    let result = try gradstep(["--export", "png"])
    #expect(result.status == .exited(2))
    #expect(
      result.standardError.contains(
        "unknown --export format 'png': expected one of dot, svg, asciicast, txt, json"))
  }

  @Test func anUnwritablePathIsAnErrorAndLeavesNothingBehind() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = directory.appendingPathComponent("no/such/dir/out.svg").path
    let result = try gradstep(["--export", "svg", "-o", missing])
    #expect(result.status == .exited(2))
    #expect(result.standardError.contains("cannot write '\(missing)'"))
    let aDirectory = directory.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: aDirectory, withIntermediateDirectories: false)
    let overDirectory = try gradstep(["--export", "svg", "-o", aDirectory.path])
    #expect(overDirectory.status == .exited(2))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
  }

  @Test func badKeysWriteNoFile() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.dot").path
    let result = try gradstep(["--export", "dot", "--keys", "n<nope>", "-o", path])
    #expect(result.status == .exited(2))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    #expect(try gradstep(["-o", path]).status == .exited(2), "-o without --export")
  }

  @Test func theSwiftExampleShowsTheSeedFromSwiftCode() throws {
    let example = URL(fileURLWithPath: GradStepBinary.path).deletingLastPathComponent()
      .appendingPathComponent("gradstep-swift-example").path
    let result = try ChildProcess.run([example], timeout: .seconds(30))
    #expect(result.status == .exited(0))
    #expect(result.standardOutput.contains("GradStep · seed in Swift"))
    #expect(result.standardOutput.contains("x      3.297442541400256  3.297442541350115"))
    #expect(result.standardOutput.contains("x.grad = 3.297442541400256"))
    #expect(result.standardOutput.contains("numerical = 3.297442541350115"))
  }
}
