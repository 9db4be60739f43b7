/// A `repeat` line as parsed: how many iterations, when to stop early, and how each iteration
/// updates the inputs.
struct LoopIR {
  /// How one iteration changes the parameters.
  enum Rule {
    /// `x -= expression; …`: each input with the node of what is subtracted from it.
    case assignments([Assignment])
    /// `adam(0.05) W1, b1`: an optimiser over inputs, each with where its name is.
    case optimizer(OptimizerChoice, parameters: [(node: Int, site: SourceRange)])
  }

  /// `x -= expression`.
  struct Assignment {
    /// The input updated.
    var parameter: Int
    /// The node of the expression subtracted from it.
    var step: Int
    /// The whole assignment, from the name to the end of the expression.
    var site: SourceRange
  }

  /// The most iterations a loop may run.
  var iterations: Int
  /// `until name < value`: stop before an iteration whose loss is below `value`.
  var until: (name: String, below: Double, site: SourceRange)?
  var rule: Rule
  /// The nodes of the update expressions, numbered on from the program's own nodes (node
  /// `firstNode + k` is `nodes[k]`); they read the program's nodes and are never part of its graph.
  var nodes: [ProgramIR.Node] = []
  /// The number of the first node in `nodes`: the program's node count.
  var firstNode: Int
  /// The word `repeat`.
  var site: SourceRange

  /// The parameters in the order they are written.
  var parameters: [Int] {
    switch rule {
    case .assignments(let assignments): assignments.map(\.parameter)
    case .optimizer(_, let parameters): parameters.map(\.node)
    }
  }
}
