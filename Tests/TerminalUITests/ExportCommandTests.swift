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

  /// The type bits (`S_IFIFO`, `S_IFLNK`, …) of the file at `path` itself (a link is not followed).
  private func fileType(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  /// A FIFO, alone or behind a symbolic link (as `/dev/stdout` leads to a pipe), is written
  /// through, and stays a FIFO; the link stays a link.
  @Test func aFIFOIsWrittenThroughNotReplaced() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("pipe").path
    let link = directory.appendingPathComponent("stdout").path
    let received = directory.appendingPathComponent("received.svg").path
    #expect(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
    for target in [fifo, link] {
      let result = try ChildProcess.run(
        [
          "/bin/sh", "-c",
          "cat \"$1\" > \"$2\" & \"$0\" --export svg -o \"$3\"; status=$?; wait; exit $status",
          GradStepBinary.path, fifo, received, target,
        ], timeout: .seconds(30))
      #expect(result.status == .exited(0), "\(result.standardError)")
      #expect(try String(contentsOfFile: received, encoding: .utf8).hasSuffix("</svg>\n"))
      #expect(fileType(fifo) == S_IFIFO)
      #expect(fileType(link) == S_IFLNK)
    }
  }

  /// A symbolic link is followed: its target gets the export (replaced atomically), the link
  /// stays; a link to nothing yet creates its target.
  @Test func aSymbolicLinkIsFollowed() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("target.dot").path
    let link = directory.appendingPathComponent("link.dot").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.dot")
    #expect(try gradstep(["--export", "dot", "-o", link]).status == .exited(0))
    #expect(fileType(link) == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("digraph"))
    let dangling = directory.appendingPathComponent("dangling.dot").path
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "later.dot")
    #expect(try gradstep(["--export", "dot", "-o", dangling]).status == .exited(0))
    #expect(fileType(dangling) == S_IFLNK)
    let later = directory.appendingPathComponent("later.dot").path
    #expect(try String(contentsOfFile: later, encoding: .utf8).hasPrefix("digraph"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 4)
  }

  /// A file that is there keeps its mode; one with no write permission is refused, unchanged.
  @Test func anExistingFileKeepsItsModeAndAReadOnlyOneIsRefused() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("private.json").path
    try "{}".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, 0o600) == 0)
    #expect(try gradstep(["--export", "json", "-o", path]).status == .exited(0))
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"gradient_check\""))
    let readOnly = directory.appendingPathComponent("read-only.json").path
    try "keep".write(toFile: readOnly, atomically: false, encoding: .utf8)
    #expect(chmod(readOnly, 0o444) == 0)
    let refused = try gradstep(["--export", "json", "-o", readOnly])
    #expect(refused.status == .exited(2))
    #expect(refused.standardError.contains("cannot write '\(readOnly)'"), "\(refused.standardError)")
    #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == "keep")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
  }

  /// `/dev/fd/N` (as `/dev/stdout`) is the descriptor the shell opened: `>>` appends to the
  /// test's own file, which is neither replaced nor rewritten from its start.
  @Test func anOpenDescriptorIsWrittenAsTheShellOpenedIt() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let log = directory.appendingPathComponent("log.txt").path
    try "before\n".write(toFile: log, atomically: false, encoding: .utf8)
    let result = try ChildProcess.run(
      ["/bin/sh", "-c", "exec 3>>\"$1\"; \"$0\" --export json -o /dev/fd/3", GradStepBinary.path, log],
      timeout: .seconds(30))
    #expect(result.status == .exited(0), "\(result.standardError)")
    let text = try String(contentsOfFile: log, encoding: .utf8)
    #expect(text.hasPrefix("before\n{") && text.contains("\"gradient_check\""), "\(text.prefix(40))")
  }

  /// As root: a device node of the test's own (like `/dev/null`) is written through and stays a
  /// device; a file owned by another user keeps its owner.
  @Test(.enabled(if: getuid() == 0, "needs root to make a device node and to own files for others"))
  func aDeviceIsWrittenThroughAndAnOwnerKept() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let device = directory.appendingPathComponent("null").path
    #expect(mknod(device, S_IFCHR | 0o600, dev_t(1 << 8 | 3)) == 0)  // makedev(1, 3), as /dev/null
    #expect(try gradstep(["--export", "svg", "-o", device]).status == .exited(0))
    #expect(fileType(device) == S_IFCHR)
    let owned = directory.appendingPathComponent("owned.txt").path
    try "x".write(toFile: owned, atomically: false, encoding: .utf8)
    #expect(chown(owned, 12_345, 23_456) == 0)
    #expect(try gradstep(["--export", "txt", "-o", owned]).status == .exited(0))
    let attributes = try FileManager.default.attributesOfItem(atPath: owned)
    #expect(attributes[.ownerAccountID] as? Int == 12_345)
    #expect(attributes[.groupOwnerAccountID] as? Int == 23_456)
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
