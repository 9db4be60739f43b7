/// One line of text being typed, and a cursor in it: a value, so the app state stays a value.
public struct LineEditor: Equatable, Sendable {
  /// One change a key makes to the line.
  public enum Edit: Equatable, Sendable {
    /// Insert a character at the cursor.
    case insert(Character)
    /// Delete the character before the cursor (Backspace).
    case deleteBackward
    /// Move the cursor one character left.
    case moveLeft
    /// Move the cursor one character right.
    case moveRight
    /// Move the cursor to the start of the line.
    case moveToStart
    /// Move the cursor to the end of the line.
    case moveToEnd
    /// Delete the whole line (Ctrl-U).
    case clear
  }

  /// The characters typed so far.
  public private(set) var characters: [Character]
  /// Where the next character goes: `0...characters.count`.
  public private(set) var cursor: Int

  /// A line holding `text`, with the cursor at its end.
  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  /// The line as a string.
  public var text: String { String(characters) }

  /// Applies `edit`; moving past either end or deleting before the start does nothing.
  public mutating func apply(_ edit: Edit) {
    switch edit {
    case .insert(let character):
      characters.insert(character, at: cursor)
      cursor += 1
    case .deleteBackward:
      guard cursor > 0 else { return }
      cursor -= 1
      characters.remove(at: cursor)
    case .moveLeft: cursor = max(cursor - 1, 0)
    case .moveRight: cursor = min(cursor + 1, characters.count)
    case .moveToStart: cursor = 0
    case .moveToEnd: cursor = characters.count
    case .clear:
      characters = []
      cursor = 0
    }
  }
}
