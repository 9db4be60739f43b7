import GraphLayout

/// How much room a node takes: the zoom levels, largest first.
///
/// - `roomy` labels a variable's values (`data 0.5`, `grad —`) with a space of padding;
/// - `compact` writes `d 0.5` and `g —` tight against the border, so the seed graph and the
///   inspector fit an 80×24 terminal;
/// - `line` draws every node as one line of text without a border (`x 0.5 g 3.297`,
///   `[Square]`), so several times more nodes fit, and wires meet a node at any cell;
/// - `outline` draws names only (`x`, `[Square]`): the shape of a graph too big for the others,
///   with the values of the selected or active node in the inspector.
public enum BoxStyle: Hashable, Sendable, CaseIterable {
  /// Labelled values with padding.
  case roomy
  /// Short labels, no padding.
  case compact
  /// One line per node, no borders.
  case line
  /// Names only, one line per node.
  case outline

  var dataLabel: String { self == .roomy ? "data " : self == .compact ? "d " : "" }
  /// Whether nodes are one line of text without a border.
  var isOneLine: Bool { self == .line || self == .outline }
  var gradLabel: String { self == .roomy ? "grad " : "g " }
  var padding: Int { self == .roomy ? 1 : 0 }
  /// Whether nodes have borders.
  var bordered: Bool { !isOneLine }
  /// The widest a value may print in a box.
  var valueWidthLimit: Int {
    switch self {
    case .roomy: 22
    case .compact: 14
    case .line, .outline: 6
    }
  }

  /// The fewest cells between two layers: one-line nodes stacked top to bottom need only the
  /// arrowhead's row.
  func layerGap(_ orientation: Orientation) -> Int {
    switch self {
    case .roomy: 3
    case .compact: 2
    case .line, .outline: orientation == .topToBottom ? 1 : 2
    }
  }

  /// The next smaller zoom level, after the smallest the largest again (the `z` key).
  var next: BoxStyle {
    switch self {
    case .roomy: .compact
    case .compact: .line
    case .line: .outline
    case .outline: .roomy
    }
  }

  /// A name for the status line.
  var name: String {
    switch self {
    case .roomy: "roomy boxes"
    case .compact: "compact boxes"
    case .line: "one line per node"
    case .outline: "names only (values in the inspector)"
    }
  }
}
