import CNcursesw
import Visualizer

/// What one `wget_wch` result means to the loop.
enum InputEvent: Equatable {
  /// A key or click for the app.
  case key(Key)
  /// The terminal changed size.
  case resize
  /// Something the app does not use (a mouse release, a function key, a control character).
  case ignored
}

/// Turns curses key codes into ``Key``s.
struct KeyDecoder {
  /// Key codes curses assigned at run time (extended terminfo keys such as `kUP`).
  private var dynamicCodes: [Int32: Key] = [:]

  /// xterm-style sequences a terminal may send whatever its terminfo entry says, with the key
  /// code they should produce.
  private static let fallbackSequences: [(sequence: String, code: Int32)] = [
    ("\u{1B}[A", KEY_UP), ("\u{1B}OA", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}OB", KEY_DOWN),
    ("\u{1B}[C", KEY_RIGHT), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT), ("\u{1B}OD", KEY_LEFT),
    ("\u{1B}[1;2A", KEY_SR), ("\u{1B}[1;2B", KEY_SF), ("\u{1B}[1;2C", KEY_SRIGHT),
    ("\u{1B}[1;2D", KEY_SLEFT), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
    ("\u{1B}[1~", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[4~", KEY_END),
    ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[Z", KEY_BTAB),
  ]

  /// Key codes with a fixed meaning.
  private static let fixedCodes: [Int32: Key] = [
    KEY_LEFT: .left, KEY_RIGHT: .right, KEY_UP: .up, KEY_DOWN: .down,
    KEY_SLEFT: .shiftLeft, KEY_SRIGHT: .shiftRight, KEY_SR: .shiftUp, KEY_SF: .shiftDown,
    KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
    KEY_BTAB: .backTab, KEY_ENTER: .enter, KEY_BACKSPACE: .backspace,
  ]

  /// Teaches the current curses screen the fallback sequences it does not know yet, and learns
  /// the codes it already gave the others.
  init() {
    for (sequence, code) in Self.fallbackSequences {
      switch key_defined(sequence) {
      case 0: _ = define_key(sequence, code)
      case let defined where defined > 0 && Self.fixedCodes[defined] == nil:
        dynamicCodes[defined] = Self.fixedCodes[code]
      default: break
      }
    }
  }

  /// The meaning of `wget_wch` returning `status` with `value`.
  func decode(status: Int32, value: UInt32) -> InputEvent {
    if status == KEY_CODE_YES {
      return decode(code: Int32(bitPattern: value))
    }
    switch value {
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 21: return .key(.clearLine)
    case 0..<32: return .ignored
    default:
      guard let scalar = Unicode.Scalar(value) else { return .ignored }
      return .key(.character(Character(scalar)))
    }
  }

  private func decode(code: Int32) -> InputEvent {
    if code == KEY_RESIZE { return .resize }
    if code == KEY_MOUSE {
      var event = MEVENT()
      guard getmouse(&event) == OK,
        event.bstate & (gs_button1_pressed() | gs_button1_clicked()) != 0
      else { return .ignored }
      return .key(.click(x: Int(event.x), y: Int(event.y)))
    }
    return (Self.fixedCodes[code] ?? dynamicCodes[code]).map { .key($0) } ?? .ignored
  }
}
