import Autodiff

/// Checks every node's shapes before anything runs, with each Autodiff function's
/// `outputShapes(for:)`, and keeps the forward pass within `Limits`.
enum ShapeInference {
  /// Every node's shape; throws the first error: shapes that do not fit, a bad dimension, or a
  /// program that would compute too much.
  @discardableResult
  static func check(_ ir: ProgramIR, in source: SourceText) throws(ProgramError) -> [[Int]] {
    var shapes = [[Int]]()
    shapes.reserveCapacity(ir.nodes.count)
    var work = 0
    for node in ir.nodes {
      let shape: [Int]
      switch node.kind {
      case .input(let value): shape = value.shape
      case .constant: shape = []
      case .gradient(_, let input):
        shape = shapes[input]
        work += shape.reduce(1, *)
      case .operation(let operation, let arguments):
        let inputShapes = arguments.map { shapes[$0] }
        try checkDimensions(operation, at: node.site, in: source)
        do {
          shape = try operation.makeFunction().outputShapes(for: inputShapes)[0]
        } catch {
          throw source.error(error.description, at: node.site)
        }
        guard let count = Limits.product(shape, upTo: Limits.elements) else {
          throw source.error(
            "\(operation.makeFunction().name): the result \(formatShape(shape)) would have more than "
              + "\(Limits.elements) elements", at: node.site)
        }
        work += count + multiplyAdds(operation, inputShapes)
        guard work <= Limits.work else {
          throw source.error(
            "the program would compute more than \(Limits.work) numbers; GradStep is for small graphs",
            at: node.site)
        }
      }
      shapes.append(shape)
    }
    return shapes
  }

  /// Rejects dimensions Autodiff cannot take: negative ones (other than reshape's `-1`) and shapes
  /// too large to count without overflow.
  private static func checkDimensions(_ operation: Operation, at site: SourceRange, in source: SourceText)
    throws(ProgramError)
  {
    let dimensions: [Int]
    let smallest: Int
    switch operation {
    case .sumTo(let shape), .broadcastTo(let shape): (dimensions, smallest) = (shape, 0)
    case .reshape(let shape): (dimensions, smallest) = (shape, -1)
    default: return
    }
    let name = operation.makeFunction().name
    if let bad = dimensions.first(where: { $0 < smallest }) {
      let hint = smallest < 0 ? " (only -1, for an inferred axis, is allowed)" : ""
      throw source.error("\(name): dimension \(bad) is negative\(hint)", at: site)
    }
    guard Limits.product(dimensions.map(abs), upTo: Limits.elements) != nil else {
      throw source.error(
        "\(name): the shape \(formatShape(dimensions)) has more than \(Limits.elements) elements", at: site)
    }
  }

  /// The multiply-adds of a `matmul` (`m·k·n`); 0 for other ops.
  private static func multiplyAdds(_ operation: Operation, _ inputShapes: [[Int]]) -> Int {
    guard operation == .matmul, let inner = inputShapes[0].last else { return 0 }
    let rows = inputShapes[0].count == 2 ? inputShapes[0][0] : 1
    let columns = inputShapes[1].count == 2 ? inputShapes[1][1] : 1
    return rows * inner * columns
  }
}
