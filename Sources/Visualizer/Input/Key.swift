/// A key press (or mouse click) the app reacts to, from the terminal or from a key script.
public enum Key: Hashable, Sendable {
  /// A printable character, including space.
  case character(Character)
  /// Arrow left.
  case left
  /// Arrow right.
  case right
  /// Arrow up.
  case up
  /// Arrow down.
  case down
  /// Shift + arrow left.
  case shiftLeft
  /// Shift + arrow right.
  case shiftRight
  /// Shift + arrow up.
  case shiftUp
  /// Shift + arrow down.
  case shiftDown
  /// Home.
  case home
  /// End.
  case end
  /// Page up.
  case pageUp
  /// Page down.
  case pageDown
  /// Tab.
  case tab
  /// Shift + Tab.
  case backTab
  /// Enter (Return).
  case enter
  /// Escape.
  case escape
  /// Backspace: in the value editor, deletes the character before the cursor.
  case backspace
  /// Ctrl-U: in the value editor, clears the line.
  case clearLine
  /// A click of the main mouse button on the cell at column `x`, row `y` (zero-based).
  case click(x: Int, y: Int)
  /// A whole edit, written only by key scripts (`<edit:0.7>`, `<edit:x=0.7>`): select the variable
  /// called `variable` when given, open the value editor (`e`), replace its text with `value`, and
  /// press Enter.
  case edit(variable: String?, value: String)

  /// The named keys of a key script, in the order error messages list them.
  static let names: [(name: String, key: Key)] = [
    ("left", .left), ("right", .right), ("up", .up), ("down", .down),
    ("S-left", .shiftLeft), ("S-right", .shiftRight), ("S-up", .shiftUp), ("S-down", .shiftDown),
    ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
    ("tab", .tab), ("backtab", .backTab), ("enter", .enter), ("esc", .escape),
    ("bs", .backspace), ("C-u", .clearLine), ("space", .character(" ")), ("lt", .character("<")),
  ]

  /// How a key script writes this key: the character itself (`n`), or its name in angle
  /// brackets (`<left>`, `<space>`, `<lt>`, `<click:3,4>`, `<edit:x=0.7>`). ``parseScript(_:)``
  /// reads it back.
  public var scriptName: String {
    if case .click(let x, let y) = self { return "<click:\(x),\(y)>" }
    if case .edit(let variable, let value) = self {
      return "<edit:\(variable.map { $0 + "=" } ?? "")\(value)>"
    }
    if let named = Self.names.first(where: { $0.key == self }) { return "<\(named.name)>" }
    if case .character(let character) = self { return String(character) }
    preconditionFailure("every key but a click, an edit or a character has a script name")
  }
}

extension Key: CustomStringConvertible {
  /// The key as a key script writes it (``scriptName``).
  public var description: String { scriptName }
}
