import Autodiff

/// ONNX `Einsum` (`torch.einsum`) of one or two operands, each letter at most once per operand
/// (no diagonals) and no ellipsis: letters only one operand has and the output lacks are summed
/// first (`Sum`); then two operands become one `MatMul` (`BatchMatMul` with shared kept letters),
/// each transposed to (shared kept letters, its own letters, contracted letters) and reshaped to
/// two or three axes (`Transpose`, `Reshape`), the product reshaped and transposed to the output's
/// order. Without `->` the output
/// is the letters that occur once, alphabetically, as NumPy does.
enum EinsumOperator: OnnxOperator {
  static let opType = "Einsum"

  static func map(_ node: inout NodeContext) throws(ModelImportError) -> [Value] {
    let equation = try node.string("equation", default: "").filter { !$0.isWhitespace }
    guard !equation.contains(".") else {
      throw node.error("equation \(equation): an ellipsis is not supported")
    }
    let sides = equation.components(separatedBy: "->")
    let operands = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(Array.init)
    guard (1...2).contains(operands.count), operands.count == node.inputs.count, sides.count <= 2 else {
      throw node.error("equation \(equation): only one or two operands are supported, matching the inputs")
    }
    let all = operands.joined()
    let output =
      sides.count == 2 ? Array(sides[1]) : Set(all).filter { l in all.filter { $0 == l }.count == 1 }.sorted()
    guard all.allSatisfy(\.isLetter), Set(output).count == output.count, output.allSatisfy(all.contains),
      operands.allSatisfy({ Set($0).count == $0.count })
    else {
      throw node.error("equation \(equation) is not supported (letters, each once per operand and output)")
    }
    var terms = [Term]()
    var lengths = [Character: Int]()
    for (index, letters) in operands.enumerated() {
      let x = try node.variable(index)
      guard x.shape.count == letters.count else {
        throw node.error("operand \(index) has shape \(formatShape(x.shape)) for '\(String(letters))'")
      }
      for (letter, length) in zip(letters, x.shape) {
        if let known = lengths[letter], known != length {
          throw node.error("letter \(letter) has lengths \(known) and \(length)")
        }
        lengths[letter] = length
      }
      terms.append(Term(x: x, letters: letters))
    }
    for index in terms.indices {
      let others = Set(output + terms.indices.filter { $0 != index }.flatMap { terms[$0].letters })
      terms[index] = try terms[index].summing(keeping: others, node)
    }
    guard terms.count == 2 else { return [.variable(try terms[0].transposed(to: output, node).x)] }
    let (a, b) = (terms[0], terms[1])
    let batch = output.filter { a.letters.contains($0) && b.letters.contains($0) }
    let contracted = a.letters.filter { b.letters.contains($0) && !output.contains($0) }
    let left = a.letters.filter { !b.letters.contains($0) }
    let right = b.letters.filter { !a.letters.contains($0) }
    func size(_ letters: [Character]) -> Int { letters.reduce(1) { $0 * lengths[$1]! } }
    let lhs = try a.transposed(to: batch + left + contracted, node)
    let rhs = try b.transposed(to: batch + contracted + right, node)
    let stacked = !batch.isEmpty
    let lhsShape = (stacked ? [size(batch)] : []) + [size(left), size(contracted)]
    let rhsShape = (stacked ? [size(batch)] : []) + [size(contracted), size(right)]
    let product = try node.call(
      stacked ? BatchMatMul() : MatMul(),
      [try node.call(Reshape(lhsShape), [lhs.x]), try node.call(Reshape(rhsShape), [rhs.x])])
    let letters = batch + left + right
    let shaped = try node.call(Reshape(letters.map { lengths[$0]! }), [product])
    return [.variable(try Term(x: shaped, letters: letters).transposed(to: output, node).x)]
  }

  /// An operand and the letter of each of its axes.
  private struct Term {
    var x: Variable
    var letters: [Character]

    /// The operand summed over the letters `kept` lacks.
    func summing(keeping kept: Set<Character>, _ node: NodeContext) throws(ModelImportError) -> Term {
      let axes = letters.indices.filter { !kept.contains(letters[$0]) }
      guard !axes.isEmpty else { return self }
      let summed = try node.call(Sum(axes: axes, keepDims: false), [x])
      return Term(
        x: summed, letters: letters.enumerated().filter { !axes.contains($0.offset) }.map(\.element))
    }

    /// The operand with its axes in the order of `order` (the same letters).
    func transposed(to order: [Character], _ node: NodeContext) throws(ModelImportError) -> Term {
      guard order != letters else { return self }
      let axes = order.map { letter in letters.firstIndex(of: letter)! }
      return Term(x: try node.call(Transpose(axes), [x]), letters: order)
    }
  }
}
