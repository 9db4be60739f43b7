import Autodiff
import Stepping

/// A tensor as the inspector prints it: a scalar as one number in full precision, anything else
/// as a grid in NumPy's nested brackets, one row of the last axis per line, each column aligned on
/// its decimal points:
///
///     [[0.05   -0.55 0.9  ]
///      [0.375 -10.5  0.875]]
///
/// Rows beyond `maxRows` and columns beyond the width are left out in the middle and marked `…`;
/// a number is never cut. Elements have five significant digits, or all of them with `fullPrecision`.
struct TensorGrid {
  /// The lines, the first one without indentation.
  let lines: [String]

  /// `tensor` in at most `width` columns and `maxRows` lines (at least 3).
  init(_ tensor: Tensor, fullPrecision: Bool, width: Int, maxRows: Int = 8) {
    func format(_ value: Double) -> String {
      fullPrecision ? NumberFormat.full(value) : NumberFormat.short(value)
    }
    guard tensor.rank > 0 else {
      let text = NumberFormat.full(tensor.scalars[0])
      lines = [text.count <= width ? text : "…"]
      return
    }
    let shape = tensor.shape
    let columns = shape[shape.count - 1]
    let rows = columns == 0 ? 0 : tensor.count / columns
    guard rows > 0 else {
      lines = [String(repeating: "[", count: shape.count) + String(repeating: "]", count: shape.count)]
      return
    }
    let shownRows: [Int?] =
      rows <= maxRows
      ? Array(0..<rows) : Array(0..<(max(maxRows, 3) - 2)) + [nil, rows - 1]
    let maxColumns = max(width / 2, 2)
    let candidates =
      columns <= maxColumns ? Array(0..<columns) : Array(0..<(maxColumns - 1)) + [columns - 1]
    let cells = shownRows.map { row in
      row.map { row in candidates.map { format(tensor.scalars[row * columns + $0]) } } ?? []
    }
    let aligned = candidates.indices.map { position in
      TensorGrid.alignOnPoint(cells.compactMap { $0.isEmpty ? nil : $0[position] })
    }
    let brackets = shape.count
    let shownColumns = TensorGrid.columnsThatFit(
      aligned.map { $0.first?.count ?? 0 }, complete: candidates.count == columns, room: width - 2 * brackets)
    let leading = Array(shape.dropLast())
    var printedRow = 0
    lines = shownRows.map { row in
      guard let row else { return String(repeating: " ", count: brackets) + "…" }
      defer { printedRow += 1 }
      let index = multiIndex(of: row, in: leading)
      let opening = 1 + TensorGrid.run(of: index, leading) { index, _ in index == 0 }
      let closing = 1 + TensorGrid.run(of: index, leading) { $0 == $1 - 1 }
      let body = shownColumns.map { column in
        column.map { aligned[$0][printedRow] } ?? "…"
      }
      return String(repeating: " ", count: brackets - opening) + String(repeating: "[", count: opening)
        + body.joined(separator: " ") + String(repeating: "]", count: closing)
    }
  }

  /// A column's numbers padded to one width with their decimal points (or ends, for a number
  /// without one) in line, as NumPy prints them.
  private static func alignOnPoint(_ texts: [String]) -> [String] {
    let parts = texts.map { text in
      let point = text.firstIndex(of: ".") ?? text.endIndex
      return (whole: String(text[..<point]), fraction: String(text[point...]))
    }
    let wholeWidth = parts.map(\.whole.count).max() ?? 0
    let fractionWidth = parts.map(\.fraction.count).max() ?? 0
    return parts.map {
      String(repeating: " ", count: wholeWidth - $0.whole.count) + $0.whole
        + $0.fraction.padded(to: fractionWidth)
    }
  }

  /// How many of the innermost leading axes, counted outwards, satisfy `test(index, length)`:
  /// for the brackets a row opens (index 0) or closes (last index) besides its own.
  private static func run(of index: [Int], _ lengths: [Int], _ test: (Int, Int) -> Bool) -> Int {
    var count = 0
    for axis in index.indices.reversed() {
      guard test(index[axis], lengths[axis]) else { break }
      count += 1
    }
    return count
  }

  /// The columns to show in `room` characters, as positions in `widths` (`nil` stands for `…`):
  /// all when they fit and are `complete` (every column of the tensor), else as many leading ones
  /// as fit beside `…` and the last one.
  private static func columnsThatFit(_ widths: [Int], complete: Bool, room: Int) -> [Int?] {
    func width(_ columns: [Int?]) -> Int {
      columns.map { $0.map { widths[$0] } ?? 1 }.reduce(0, +) + max(columns.count - 1, 0)
    }
    let all = widths.indices.map { Optional($0) }
    if complete && width(all) <= room { return all }
    for leading in stride(from: widths.count - 2, through: 1, by: -1) {
      let candidate = (0..<leading).map { Optional($0) } + [nil, widths.count - 1]
      if width(candidate) <= room { return candidate }
    }
    return widths.count > 1 && width([0, nil]) <= room ? [0, nil] : [nil]
  }
}

/// The multi-index of element `offset` of a tensor of shape `shape`, in row-major order.
func multiIndex(of offset: Int, in shape: [Int]) -> [Int] {
  var rest = offset
  var index = [Int](repeating: 0, count: shape.count)
  for axis in shape.indices.reversed() {
    index[axis] = rest % shape[axis]
    rest /= shape[axis]
  }
  return index
}
