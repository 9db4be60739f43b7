import Foundation

/// The peers' W4 inputs, `graphs/{chain,dag}_N.{json,dot}`, checked against `graphs/SHA256SUMS`.
struct GraphFiles {
  /// The folder: `$GRADSTEP_GRAPHS_DIR`, else `../shared/bench/peers/graphs` next to the repository.
  let folder: URL
  private let sums: [String: String]

  /// The repository root, from this source file's place in it.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Reads `SHA256SUMS` from the folder; throws when it is missing.
  init() throws {
    if let override = ProcessInfo.processInfo.environment["GRADSTEP_GRAPHS_DIR"] {
      folder = URL(fileURLWithPath: override)
    } else {
      folder = GraphFiles.repositoryRoot.appendingPathComponent("../shared/bench/peers/graphs").standardized
    }
    let sumsFile = folder.appendingPathComponent("SHA256SUMS")
    guard let text = try? String(contentsOf: sumsFile, encoding: .utf8) else {
      throw CheckFailure(
        description: "no \(sumsFile.path): set GRADSTEP_GRAPHS_DIR to the peers' graphs folder")
    }
    var sums = [String: String]()
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if fields.count == 2 { sums[String(fields[1].drop { $0 == "*" })] = String(fields[0]) }
    }
    self.sums = sums
  }

  /// The path of `name` after checking its SHA-256; throws on a missing file, a file not listed
  /// in `SHA256SUMS`, or a mismatch.
  func verified(_ name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    guard let expected = sums[name] else {
      throw CheckFailure(description: "\(name) is not listed in \(folder.path)/SHA256SUMS")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CheckFailure(description: "cannot read \(url.path)")
    }
    let actual = SHA256.hex(Array(data))
    guard actual == expected else {
      throw CheckFailure(
        description: "\(url.path): SHA-256 \(actual) does not match SHA256SUMS (\(expected));"
          + " the inputs differ from the peers'")
    }
    return url.path
  }
}

/// A W4 graph as `gen_graphs.py` writes it in JSON.
struct GraphFile {
  /// One node: `id` (its index), `kind` (`var` or `func`) and `label`.
  struct Node {
    let id: Int
    let kind: String
    let label: String
  }

  /// The nodes, `nodes[i].id == i`.
  let nodes: [Node]
  /// The edges as `[from, to]` pairs.
  let edges: [[Int]]

  /// Reads and decodes the file at `path`; throws on bad JSON, ids out of order, or bad edges.
  static func read(_ path: String) throws -> GraphFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CheckFailure(description: "cannot read \(path)")
    }
    let file = try GraphFileReader.parse(Array(data))
    for (index, node) in file.nodes.enumerated()
    where node.id != index || !["var", "func"].contains(node.kind) {
      throw CheckFailure(description: "\(path): node \(index) is \(node)")
    }
    for edge in file.edges where edge.count != 2 || !edge.allSatisfy(file.nodes.indices.contains) {
      throw CheckFailure(description: "\(path): bad edge \(edge)")
    }
    return file
  }
}
