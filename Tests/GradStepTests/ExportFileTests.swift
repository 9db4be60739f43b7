import Foundation
import Testing

@testable import gradstep

/// `ExportFile` with a disk that fills up: the error says so, and neither a partial file nor the
/// temporary one is left; what was there before is untouched.
@Suite struct ExportFileTests {
  /// A writer that takes `capacity` bytes and then fails with `ENOSPC`, as `/dev/full` or a full disk.
  private func fullDisk(after capacity: Int) -> ExportFile {
    nonisolated(unsafe) var room = capacity
    return ExportFile { _, bytes in
      guard room > 0 else { return -Int(ENOSPC) }
      let count = min(room, bytes.count)
      room -= count
      return count
    }
  }

  private func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gradstep-file-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: [0, 5])
  func aFullDiskIsAnErrorWithTheReasonAndLeavesTheOldFile(capacity: Int) throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.svg").path
    try "before".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(throws: UsageError.self) { try fullDisk(after: capacity).write("<svg>…</svg>", to: path) }
    do {
      try fullDisk(after: capacity).write("<svg>…</svg>", to: path)
    } catch {
      #expect(error.message == "cannot write '\(path)': No space left on device")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "before")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.svg"])
  }

  @Test func aFullDiskForANewFileLeavesNothing() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("new.svg").path
    #expect(throws: UsageError.self) { try fullDisk(after: 3).write("<svg>…</svg>", to: path) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func aFullStandardOutputIsAnErrorToo() {
    do {
      try fullDisk(after: 0).write("text", to: nil)
      Issue.record("no error")
    } catch {
      #expect(error.message == "cannot write to standard output: No space left on device")
    }
  }

  @Test func aFileWithOtherHardLinksIsRewrittenSoEveryNameSeesTheNewContent() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.svg").path
    let other = directory.appendingPathComponent("linked.svg").path
    try "a longer old content than the new one".write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.linkItem(atPath: path, toPath: other)
    try ExportFile().write("<svg/>", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "<svg/>")
    #expect(try String(contentsOfFile: other, encoding: .utf8) == "<svg/>")
    let inode = { (path: String) in
      try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }
    #expect(try inode(path) == inode(other))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "linked.svg", "out.svg",
      ])
  }

  @Test func aHardLinkedFileThatCannotBeWrittenSaysItIsIncomplete() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.svg").path
    try "before".write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.linkItem(
      atPath: path, toPath: directory.appendingPathComponent("linked.svg").path)
    let error = #expect(throws: UsageError.self) { try fullDisk(after: 2).write("<svg>…</svg>", to: path) }
    #expect(
      error?.message
        == "cannot write '\(path)': No space left on device (it has other hard links, so it was written in place and is incomplete)"
    )
  }

  @Test func everyByteArrivesThroughShortWrites() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.txt").path
    let oneByteAtATime = ExportFile { descriptor, bytes in
      write(descriptor, bytes.baseAddress, min(bytes.count, 1))
    }
    try oneByteAtATime.write("héllo\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "héllo\n")
  }
}
