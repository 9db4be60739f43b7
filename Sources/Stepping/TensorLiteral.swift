import Autodiff

/// Reads the value a user types for an input: a number (`0.7`, `-1e-3`) or a rectangular nested
/// list of numbers (`[1, 2.5]`, `[[1, 2], [3, 4]]`), as the program language writes them: finite
/// numbers only, refused with the program's words (`NonFiniteValue`).
enum TensorLiteral {
  /// What is wrong with typed text, and where (a 1-based column).
  struct ParseError: Error, Equatable {
    var message: String
    var column: Int
  }

  /// The tensor `text` writes.
  static func parse(_ text: String) throws(ParseError) -> Tensor {
    var reader = Reader(characters: Array(text))
    reader.skipSpaces()
    guard !reader.atEnd else { throw ParseError(message: "type a number or a list of numbers", column: 1) }
    let value = try reader.value()
    reader.skipSpaces()
    guard reader.atEnd else {
      throw ParseError(
        message: "unexpected '\(reader.characters[reader.position])'", column: reader.position + 1)
    }
    return try value.tensor()
  }

  /// A parsed number or list, before its shape is checked.
  private indirect enum Value {
    case number(Double)
    case list([Value], column: Int)

    /// The value as a tensor, if every list at each depth has the same length and numbers sit
    /// at one depth only.
    func tensor() throws(ParseError) -> Tensor {
      switch self {
      case .number(let number): return Tensor(number)
      case .list(let items, let column):
        var shape = [Int]()
        var scalars = [Double]()
        var leafDepth: Int?
        try Value.flatten(
          items, column: column, depth: 0, shape: &shape, leafDepth: &leafDepth, into: &scalars)
        return Tensor(shape: shape, scalars: scalars)
      }
    }

    private static func flatten(
      _ items: [Value], column: Int, depth: Int, shape: inout [Int], leafDepth: inout Int?,
      into scalars: inout [Double]
    ) throws(ParseError) {
      if depth == shape.count {
        shape.append(items.count)
      } else if shape[depth] != items.count {
        throw ParseError(message: "lists of different lengths: the value must be rectangular", column: column)
      }
      for item in items {
        switch item {
        case .number(let number):
          guard (leafDepth ?? depth) == depth, shape.count == depth + 1 else {
            throw ParseError(message: "a number where a list was expected", column: column)
          }
          leafDepth = depth
          scalars.append(number)
        case .list(let inner, let innerColumn):
          guard leafDepth.map({ depth < $0 }) ?? true else {
            throw ParseError(message: "a list where a number was expected", column: innerColumn)
          }
          try flatten(
            inner, column: innerColumn, depth: depth + 1, shape: &shape, leafDepth: &leafDepth, into: &scalars
          )
        }
      }
    }
  }

  /// A cursor over the typed characters.
  private struct Reader {
    let characters: [Character]
    var position = 0
    /// How deep lists may nest.
    static let maxDepth = 32

    var atEnd: Bool { position == characters.count }

    mutating func skipSpaces() {
      while !atEnd, characters[position] == " " { position += 1 }
    }

    mutating func value(depth: Int = 0) throws(ParseError) -> Value {
      skipSpaces()
      guard !atEnd else { throw ParseError(message: "the value ends too early", column: position + 1) }
      guard characters[position] == "[" else { return .number(try number()) }
      guard depth < Reader.maxDepth else {
        throw ParseError(message: "lists nest too deeply", column: position + 1)
      }
      let column = position + 1
      position += 1
      var items = [Value]()
      skipSpaces()
      if !atEnd, characters[position] == "]" {
        throw ParseError(message: "an empty list", column: column)
      }
      while true {
        items.append(try value(depth: depth + 1))
        skipSpaces()
        guard !atEnd else { throw ParseError(message: "'[' without its ']'", column: column) }
        if characters[position] == "]" {
          position += 1
          return .list(items, column: column)
        }
        guard characters[position] == "," else {
          throw ParseError(message: "expected ',' or ']'", column: position + 1)
        }
        position += 1
      }
    }

    mutating func number() throws(ParseError) -> Double {
      let start = position
      while !atEnd, "+-.0123456789eE".contains(characters[position]) { position += 1 }
      let text = String(characters[start..<position])
      guard !text.isEmpty, let number = Double(text) else {
        while !atEnd, !" ,[]".contains(characters[position]) { position += 1 }
        let word = characters[start..<position]
        let name = word.drop { $0 == "+" || $0 == "-" }
        if NonFiniteValue.isName(String(name)) {
          throw ParseError(message: NonFiniteValue.named(String(name)), column: name.startIndex + 1)
        }
        throw ParseError(
          message: "'\(NonFiniteValue.shortened(String(word)))' is not a number", column: start + 1)
      }
      guard number.isFinite else {
        throw ParseError(message: NonFiniteValue.overflow(text), column: start + 1)
      }
      return number
    }
  }
}
