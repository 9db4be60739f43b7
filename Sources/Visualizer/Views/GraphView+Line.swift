import GraphLayout
import Stepping

/// The `line` and `outline` zoom levels: every node one line of text, without a border.
enum LineNode {
  /// The width of a one-line variable: `label data g grad` with its values `values` wide, or
  /// the label alone in `outline`.
  static func variableWidth(label: String, values: GraphScene.FieldWidths, style: BoxStyle) -> Int {
    style == .outline ? label.count : label.count + 1 + values.data + separator.count + values.grad
  }

  /// What stands between a one-line variable's data and grad.
  static let separator = " g "
}

extension GraphView {
  /// Draws variable `index` (or a reference to it) as one line in `rect`: its label, its data,
  /// then `g` and its grad, `—` for what is not computed yet. A wire leaving its right end is drawn
  /// on up to the text, so a value shorter than its box is not left apart from its wire (one space stays between).
  func drawLineVariable(
    _ index: Int, reference: Bool, in rect: CellRect, into buffer: inout ScreenBuffer, involved: Bool,
    fresh: Set<FreshValue>
  ) {
    let node = state.session.graph.variables[index]
    let y = rect.y + rect.height / 2
    let label = (reference ? "↗" : "") + node.label
    let labelStyle =
      state.selection == index
      ? Theme.selected : involved ? Theme.active : reference ? Theme.referenceLabel : Theme.variableLabel
    var x = rect.x + buffer.text(label, x: rect.x, y: y, style: labelStyle, maxWidth: rect.width) + 1
    guard scene.style == .line else { return }
    let widths = scene.fieldWidths[index]
    var end = x  // after the last character written: a wire leaving the box starts there
    for (field, value) in [
      (Step.Field.data, state.session.data(of: index)), (.grad, state.session.grad(of: index)),
    ] {
      let width = field == .data ? widths.data : widths.grad
      if field == .grad {
        x += buffer.text(LineNode.separator, x: x, y: y, style: Theme.pending, maxWidth: rect.maxX - x)
      }
      if field == .grad && !state.retainsGrad && state.session.gradIsFreed(index) {
        end = x + buffer.text("freed", x: x, y: y, style: Theme.pending, maxWidth: rect.maxX - x)
      } else if let value {
        let style =
          state.changed.contains(index)
          ? Theme.edited
          : fresh.contains(FreshValue(variable: index, field: field)) ? Theme.freshValue : Theme.value
        end =
          x
          + buffer.text(
            NumberFormat.short(value, width: width), x: x, y: y, style: style, maxWidth: rect.maxX - x)
      } else {
        end = x + buffer.text("—", x: x, y: y, style: Theme.pending, maxWidth: rect.maxX - x)
      }
      x += width
    }
    let wire = buffer.lineJoin(x: rect.maxX, y: y)
    if end + 1 < rect.maxX, wire.right > 0 {
      buffer.horizontalLine(
        y: y, from: end + 1, to: rect.maxX, weight: wire.right > 1 ? .heavy : .light,
        style: buffer[x: rect.maxX, y: y].style)
    }
  }

  /// Draws a function or chain as one line in `rect`: its label in brackets, `[Square]`, on the
  /// middle row; a box taller than one row (several inputs, each entering its own row) shows
  /// its brackets on every row, so each wire ends at it.
  func drawLineFunction(
    _ node: DisplayGraph.Node, box: Int, in rect: CellRect, into buffer: inout ScreenBuffer, active: Bool
  ) {
    let label = DisplayGraph.label(of: node, in: state.session.graph)
    let selected = state.selection.map { scene.display.boxOf[$0] == box } ?? false
    let bracket = active ? Theme.active : Theme.functionBorder
    for y in rect.y..<rect.maxY {
      buffer.text("[", x: rect.x, y: y, style: bracket)
      buffer.text("]", x: rect.maxX - 1, y: y, style: bracket)
    }
    let style = selected ? Theme.selected : active ? Theme.activeLabel : Theme.functionLabel
    buffer.text(label, x: rect.x + 1, y: rect.y + rect.height / 2, style: style, maxWidth: rect.width - 2)
  }
}
