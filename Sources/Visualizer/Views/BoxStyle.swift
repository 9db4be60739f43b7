/// How much room a variable box takes: `roomy` labels its values (`data 0.5`, `grad —`) with a
/// space of padding; `compact` writes `d 0.5` and `g —` tight against the border, so the seed graph
/// and the inspector fit an 80×24 terminal.
public enum BoxStyle: Hashable, Sendable, CaseIterable {
  /// Labelled values with padding.
  case roomy
  /// Short labels, no padding.
  case compact

  var dataLabel: String { self == .roomy ? "data " : "d " }
  var gradLabel: String { self == .roomy ? "grad " : "g " }
  var padding: Int { self == .roomy ? 1 : 0 }
  var layerGap: Int { self == .roomy ? 3 : 2 }
  /// The widest a value may print in a box.
  var valueWidthLimit: Int { self == .roomy ? 22 : 14 }
}
