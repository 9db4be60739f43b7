import CNcursesw
import Glibc
import Visualizer

/// The curses screen: opened with `newterm`, painted one changed cell at a time, closed with
/// `endwin`.
final class CursesScreen {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  /// `nil` when drawing without colour.
  private var colorPairs: ColorPairs?
  /// Whether the locale can show characters beyond ASCII.
  private let unicodeLocale: Bool
  private var previous: ScreenBuffer?

  /// Opens the screen on standard output, reading keys from `keyboard`, in cbreak mode with
  /// keypad, mouse clicks and a short ESC delay. The locale must already be set.
  init(color: Bool, unicodeLocale: Bool, keyboard: UnsafeMutablePointer<FILE>) throws(TerminalError) {
    guard let screen = newterm(nil, gs_stdout(), keyboard) else {
      throw .unusable("curses could not open the terminal")
    }
    self.screen = screen
    window = gs_stdscr()
    self.unicodeLocale = unicodeLocale
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    nodelay(window, true)  // the loop polls first, so reads never need to wait
    _ = curs_set(0)
    set_escdelay(25)
    _ = mousemask(gs_button1_pressed() | gs_button1_clicked(), nil)
    _ = mouseinterval(0)
    colorPairs = color ? ColorPairs() : nil
  }

  /// The current size of the screen.
  var size: (columns: Int, rows: Int) {
    (Int(getmaxx(window)), Int(getmaxy(window)))
  }

  /// The window keys are read from.
  var inputWindow: UnsafeMutablePointer<WINDOW> { window }

  /// Follows a change of the terminal's size, if there was one, and then repaints everything on
  /// the next frame. `resizeterm` is called only when the size really differs from the one
  /// curses has: ncurses 6.4 queues a `KEY_RESIZE` on every call, even one that changes nothing.
  func followTerminalSize() {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard gs_terminal_size(STDOUT_FILENO, &rows, &columns) == 1 else { return }
    if is_term_resized(rows, columns) { resizeterm(rows, columns) }
    previous = nil
  }

  /// Shows `frame`, writing only the cells that differ from the last frame (all of them after
  /// a resize), then updates the terminal.
  func draw(_ frame: ScreenBuffer) {
    if let previous, previous.columns == frame.columns, previous.rows == frame.rows {
      for (x, y) in frame.changedCells(since: previous) { put(frame, x: x, y: y) }
    } else {
      werase(window)
      clearok(window, true)
      for y in 0..<frame.rows {
        for x in 0..<frame.columns { put(frame, x: x, y: y) }
      }
    }
    previous = frame
    wnoutrefresh(window)
    doupdate()
  }

  /// Writes the cell of `frame` at (`x`, `y`) as it is shown; the continuation of a double-width
  /// character is covered by the character, or a blank where the character shows as `?`.
  private func put(_ frame: ScreenBuffer, x: Int, y: Int) {
    if let cell = frame.shownCell(x: x, y: y) {
      put(cell, x: x, y: y)
    } else if !unicodeLocale {
      put(Cell(" ", style: frame[x: x, y: y].style), x: x, y: y)
    }
  }

  /// Escape sequences that undo what curses set up (attributes, hidden cursor, keypad mode,
  /// mouse reporting, alternate screen), for a restore from inside a signal handler.
  var resetSequence: String {
    var sequence = ""
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      if let string = tigetstr(capability), Int(bitPattern: string) != -1 {
        sequence += String(cString: string)
      }
    }
    if let mouse = tigetstr("kmous"), Int(bitPattern: mouse) != -1 {
      sequence += "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l"
    }
    return sequence
  }

  /// Leaves curses: the terminal gets its modes, cursor and main screen back.
  func end() {
    endwin()
    delscreen(screen)
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    var style = colorPairs == nil ? cell.style.monochrome : cell.style
    let (pair, brighten) = colorPairs?.pair(for: style) ?? (0, false)
    style.bold = style.bold || brighten
    var attributes = gs_attr_normal()
    if style.bold { attributes |= gs_attr_bold() }
    if style.dim { attributes |= gs_attr_dim() }
    if style.reverse { attributes |= gs_attr_reverse() }
    if style.underline { attributes |= gs_attr_underline() }
    let character: Character = unicodeLocale || cell.character.isASCII ? cell.character : "?"
    let wide = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    var complex = cchar_t()
    setcchar(&complex, wide, attributes, pair, nil)
    mvwadd_wch(window, Int32(y), Int32(x), &complex)
  }
}
