import Foundation

/// Reads a `GraphFile` from its JSON bytes in one pass, without building a JSON tree: W4's child
/// spends its time on the layout rather than on `JSONDecoder`, as `dot` spends little on parsing.
///
/// It accepts any valid JSON with that shape: keys in any order, unknown keys skipped, whitespace
/// anywhere; node ids, labels and kinds as `GraphFile.read` checks them afterwards.
struct GraphFileReader {
  private let bytes: [UInt8]
  private var index = 0

  /// Parses `bytes` as a `GraphFile`; throws on malformed JSON or a missing field.
  static func parse(_ bytes: [UInt8]) throws -> GraphFile {
    var reader = GraphFileReader(bytes: bytes)
    let file = try reader.graphFile()
    reader.skipSpace()
    guard reader.index == bytes.count else { throw reader.failure("text after the graph") }
    return file
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func graphFile() throws -> GraphFile {
    var nodes: [GraphFile.Node]?
    var edges: [[Int]]?
    try object { reader, key in
      switch key {
      case "nodes": nodes = try reader.array { try $0.node() }
      case "edges": edges = try reader.array { reader in try reader.array { try $0.integer() } }
      default: try reader.skipValue()
      }
    }
    guard let nodes, let edges else { throw failure("no nodes or no edges") }
    return GraphFile(nodes: nodes, edges: edges)
  }

  private mutating func node() throws -> GraphFile.Node {
    var (id, kind, label): (Int?, String?, String?)
    try object { reader, key in
      switch key {
      case "id": id = try reader.integer()
      case "kind": kind = try reader.string()
      case "label": label = try reader.string()
      default: try reader.skipValue()
      }
    }
    guard let id, let kind, let label else { throw failure("a node without id, kind or label") }
    return GraphFile.Node(id: id, kind: kind, label: label)
  }

  /// An object: `body` reads the value of each key.
  private mutating func object(_ body: (inout GraphFileReader, String) throws -> Void) throws {
    try expect(UInt8(ascii: "{"))
    if try peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    repeat {
      skipSpace()
      let key = try string()
      try expect(UInt8(ascii: ":"))
      try body(&self, key)
    } while try separator(closing: UInt8(ascii: "}"))
  }

  /// An array of the values `element` reads.
  private mutating func array<Element>(_ element: (inout GraphFileReader) throws -> Element) throws
    -> [Element]
  {
    try expect(UInt8(ascii: "["))
    var elements: [Element] = []
    if try peek() == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    repeat {
      skipSpace()
      elements.append(try element(&self))
    } while try separator(closing: UInt8(ascii: "]"))
    return elements
  }

  /// After a member or element: true after a comma, false after `closing`.
  private mutating func separator(closing: UInt8) throws -> Bool {
    let byte = try peek()
    index += 1
    if byte == UInt8(ascii: ",") { return true }
    if byte == closing { return false }
    throw failure("expected , or \(Character(Unicode.Scalar(closing)))")
  }

  /// A whole number (JSON without a fraction or exponent).
  private mutating func integer() throws -> Int {
    skipSpace()
    let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    let start = index
    var value = 0
    while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
      let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(Int(digit))
      guard !overflow1 && !overflow2 else { throw failure("a number too large") }
      value = sum
      index += 1
    }
    guard index > start else { throw failure("expected a number") }
    if index < bytes.count && (bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e"))
    {
      throw failure("expected a whole number")
    }
    return negative ? -value : value
  }

  /// A string, escapes decoded.
  private mutating func string() throws -> String {
    try expect(UInt8(ascii: "\""))
    let start = index
    while index < bytes.count && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") {
      index += 1
    }
    guard index < bytes.count else { throw failure("an unterminated string") }
    if bytes[index] == UInt8(ascii: "\"") {
      index += 1
      return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
    }
    index = start - 1
    return try escapedString()
  }

  /// A string with escapes, the rare slow way: its literal handed to `JSONDecoder` as a
  /// one-element array.
  private mutating func escapedString() throws -> String {
    let start = index
    index += 1
    while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
      index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
    }
    guard index < bytes.count else { throw failure("an unterminated string") }
    index += 1
    let literal = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = try? JSONDecoder().decode([String].self, from: Data("[\(literal)]".utf8)).first
    else { throw failure("a bad string escape") }
    return value
  }

  /// Skips one value of any kind.
  private mutating func skipValue() throws {
    switch try peek() {
    case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
    case UInt8(ascii: "["): _ = try array { try $0.skipValue() }
    case UInt8(ascii: "\""): _ = try string()
    default:
      let start = index
      while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
      let literal = String(decoding: bytes[start..<index], as: UTF8.self)
      guard ["true", "false", "null"].contains(literal) || Double(literal) != nil else {
        throw failure("a bad value \(literal)")
      }
    }
  }

  /// The next byte after whitespace, not consumed.
  private mutating func peek() throws -> UInt8 {
    skipSpace()
    guard index < bytes.count else { throw failure("unexpected end") }
    return bytes[index]
  }

  private mutating func expect(_ byte: UInt8) throws {
    guard try peek() == byte else { throw failure("expected \(Character(Unicode.Scalar(byte)))") }
    index += 1
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private func failure(_ what: String) -> CheckFailure {
    CheckFailure(description: "bad graph JSON at byte \(index): \(what)")
  }
}
