import Autodiff

/// What an ONNX value name stands for while a graph is imported: a variable of the Autodiff graph,
/// or a constant known at import time (a `Constant` node, an integer initializer, a folded `Shape`),
/// which enters the graph only if a differentiable op takes it.
enum Value {
  /// A node of the Autodiff graph.
  case variable(Variable)
  /// A tensor known at import time, with the ONNX name it came under.
  case constant(Tensor, name: String)

  /// The value's data.
  var data: Tensor {
    switch self {
    case .variable(let variable): variable.data
    case .constant(let tensor, _): tensor
    }
  }

  /// The value's shape.
  var shape: [Int] { data.shape }

  /// Whether the value is known at import time.
  var isConstant: Bool {
    if case .constant = self { return true }
    return false
  }
}
