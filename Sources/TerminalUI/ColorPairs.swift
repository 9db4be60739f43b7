import CNcursesw
import Visualizer

/// Curses colour pairs for foreground/background combinations, allocated on first use in the
/// order the combinations appear, so the same frames always get the same pair numbers.
struct ColorPairs {
  /// The colour number of the terminal's default colour (-1 with `use_default_colors`).
  private let defaultColor: (foreground: Int16, background: Int16)
  /// How many colours the terminal has (8 or more).
  private let colorCount: Int
  /// How many pairs curses allows (pair 0 is the default pair).
  private let pairLimit: Int
  private var pairs: [Int32: Int16] = [:]

  /// Starts colour on the current screen; `nil` if the terminal has none.
  init?() {
    guard has_colors() && start_color() == OK && gs_colors() >= 8 else { return nil }
    defaultColor = use_default_colors() == OK ? (-1, -1) : (Int16(COLOR_WHITE), Int16(COLOR_BLACK))
    colorCount = Int(gs_colors())
    pairLimit = min(Int(gs_color_pairs()), Int(Int16.max))
  }

  /// The pair number for `style`'s colours, and whether to add bold to brighten a bright
  /// foreground the terminal has no colour for. Pair 0 if the pairs have run out.
  mutating func pair(for style: CellStyle) -> (pair: Int16, bold: Bool) {
    guard style.foreground != nil || style.background != nil else { return (0, false) }
    let foreground = number(of: style.foreground) ?? defaultColor.foreground
    let background = number(of: style.background) ?? defaultColor.background
    let brightens = colorCount < 16 && style.foreground.map { $0 != $0.basic } == true
    let key = Int32(foreground) << 16 | Int32(UInt16(bitPattern: background))
    if let pair = pairs[key] { return (pair, brightens) }
    guard pairs.count + 1 < pairLimit else { return (0, brightens) }
    let pair = Int16(pairs.count + 1)
    init_pair(pair, foreground, background)
    pairs[key] = pair
    return (pair, brightens)
  }

  /// The curses colour number for `color` on this terminal.
  private func number(of color: TerminalColor?) -> Int16? {
    color.map { Int16(colorCount >= 16 ? $0.rawValue : $0.basic.rawValue) }
  }
}
