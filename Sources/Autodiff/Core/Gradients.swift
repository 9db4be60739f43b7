/// The gradients of a function's outputs or inputs, in order, without an array for the usual one or
/// two (the backward pass's hot path allocates nothing for them).
enum Gradients {
  /// One gradient.
  case one(Tensor)
  /// Two gradients.
  case two(Tensor, Tensor)
  /// Any number of gradients.
  case many([Tensor])

  /// How many gradients there are.
  var count: Int {
    switch self {
    case .one: 1
    case .two: 2
    case .many(let gradients): gradients.count
    }
  }

  /// The gradient at `position`.
  subscript(position: Int) -> Tensor {
    switch self {
    case .one(let gradient): gradient
    case .two(let first, let second): position == 0 ? first : second
    case .many(let gradients): gradients[position]
    }
  }

  /// The gradients as an array.
  var array: [Tensor] {
    switch self {
    case .one(let gradient): [gradient]
    case .two(let first, let second): [first, second]
    case .many(let gradients): gradients
    }
  }
}
