import Autodiff

/// A parsed program as a flat list of nodes in evaluation order: every node after the nodes it uses.
///
/// Passes over it (shape inference, building the graph) are loops, never recursion, so a long
/// expression cannot overflow the stack.
struct ProgramIR {
  /// One value of the program: an input, a constant, or the result of an op.
  struct Node {
    enum Kind {
      /// A declared input with its value.
      case input(Tensor)
      /// A number written inside an expression.
      case constant(Double)
      /// An op applied to earlier nodes (by index).
      case operation(Operation, arguments: [Int])
      /// `grad(y, x)`: the gradient of node `of` with respect to input node `withRespectTo`, its
      /// backward pass recorded (`createGraph`), so it can be differentiated again.
      case gradient(of: Int, withRespectTo: Int)
    }

    var kind: Kind
    /// The variable's name: assigned, automatic (`y#1`), or a constant's text.
    var name: String
    /// Where errors about this node point: the operator, the call's name, or the input's name.
    var site: SourceRange
  }

  /// Every node, in evaluation order.
  var nodes: [Node] = []
  /// The input nodes, in statement order.
  var inputs: [Int] = []
  /// The output node.
  var output = 0
  /// What runs after the forward pass: `[.backward]` unless the program says otherwise.
  var passes: [PassStatement] = [.backward]
  /// The `repeat` line, if any.
  var loop: LoopIR?
}
