import GraphLayout

/// References: a variable drawn again, small, beside a consumer far from its own box.
extension GraphView {
  /// Draws a reference to variable `index` in `rect`: a dim box with dashed sides, `↗` and the
  /// variable's label in its top border, and its data and grad inside. It is highlighted with the
  /// variable: selecting either shows the label reversed in every one of them.
  func drawReference(
    _ index: Int, in rect: CellRect, into buffer: inout ScreenBuffer, involved: Bool,
    fresh: Set<FreshValue>
  ) {
    let style = involved ? Theme.active : Theme.referenceBorder
    buffer.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, kind: .rounded, style: style)
    dashBorder(of: rect, in: &buffer, style: style)
    let title = GraphScene.referenceTitle(of: state.session.graph.variables[index])
    let label = state.selection == index ? Theme.selected : Theme.referenceLabel
    buffer.text(title, x: rect.x + 2, y: rect.y, style: label, maxWidth: rect.width - 4)
    drawValues(of: index, in: rect, top: rect.y + 1, into: &buffer, fresh: fresh)
  }

  /// Replaces the straight line cells of `rect`'s border with dashed ones (`╌ ╎`, ASCII `. :`);
  /// corners and cells where a wire joins stay as they are.
  private func dashBorder(of rect: CellRect, in buffer: inout ScreenBuffer, style: CellStyle) {
    let unicode = buffer.charset == .unicode
    let (horizontal, vertical): (Character, Character) = unicode ? ("─", "│") : ("-", "|")
    let (dashedHorizontal, dashedVertical): (Character, Character) = unicode ? ("╌", "╎") : (".", ":")
    func dash(_ x: Int, _ y: Int) {
      guard buffer.contains(x: x, y: y) else { return }
      let character = buffer[x: x, y: y].character
      if character == horizontal { buffer.put(dashedHorizontal, x: x, y: y, style: style) }
      if character == vertical { buffer.put(dashedVertical, x: x, y: y, style: style) }
    }
    for x in (rect.x + 1)..<(rect.maxX - 1) {
      dash(x, rect.y)
      dash(x, rect.maxY - 1)
    }
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      dash(rect.x, y)
      dash(rect.maxX - 1, y)
    }
  }
}
