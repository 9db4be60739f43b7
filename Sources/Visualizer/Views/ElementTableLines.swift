import Autodiff
import Stepping

/// A selected tensor variable's elements one per line, each with its index and its data and grad
/// in full precision (`[1,2]  0.7749999999999999  -0.027832853708133695`), so any element's exact
/// value can be read whatever the grid's display precision. At most `limit` elements; a last line
/// counts the rest.
struct ElementTableLines {
  let label: String
  let data: Tensor?
  let grad: Tensor?

  /// How many elements the table lists at most.
  static let limit = 64

  var lines: [StyledLine] {
    guard let shape = (data ?? grad)?.shape, !shape.isEmpty else { return [] }
    let count = Tensor.elementCount(of: shape)
    let shown = min(count, ElementTableLines.limit)
    let indices = (0..<shown).map {
      "\(label)[" + multiIndex(of: $0, in: shape).map(String.init).joined(separator: ",") + "]"
    }
    let dataTexts = (0..<shown).map { element in data.map { NumberFormat.full($0.scalars[element]) } ?? "—" }
    let gradTexts = (0..<shown).map { element in grad.map { NumberFormat.full($0.scalars[element]) } ?? "—" }
    let indexWidth = max(indices.map(\.count).max() ?? 0, 7) + 2
    let dataWidth = max(dataTexts.map(\.count).max() ?? 0, 4) + 2
    var lines = [
      StyledLine(""),
      StyledLine("element".padded(to: indexWidth) + "data".padded(to: dataWidth) + "grad", Theme.help),
    ]
    for element in 0..<shown {
      lines.append(
        StyledLine(
          indices[element].padded(to: indexWidth) + dataTexts[element].padded(to: dataWidth)
            + gradTexts[element]))
    }
    if count > shown {
      lines.append(StyledLine("… \(count - shown) more elements", Theme.help))
    }
    return lines
  }
}
