extension GraphView {
  /// What of the graph lies outside a `width` × `height` view at `origin`, in cells per side, for the rule
  /// under the graph: ` graph ←12 →40 ↓8 more `; `nil` when the whole graph is in view. The
  /// graph is never cut silently: this says where the rest is (H J K L move there, `=` fits).
  func offscreenSign(width: Int, height: Int, origin: (x: Int, y: Int)) -> String? {
    let layout = scene.layout
    let sides = [
      ("←", origin.x), ("→", layout.width - (origin.x + width)), ("↑", origin.y),
      ("↓", layout.height - (origin.y + height)),
    ].filter { $0.1 > 0 }
    guard !sides.isEmpty else { return nil }
    return " graph " + sides.map { "\($0.0)\($0.1)" }.joined(separator: " ") + " more "
  }
}
