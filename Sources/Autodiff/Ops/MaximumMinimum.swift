/// The larger or smaller of two inputs, element by element with broadcasting: the shared part of
/// `Maximum` and `Minimum`. The gradient goes to the winning input, half to each on a tie (as PyTorch).
public class PairwiseExtremum: BinaryFunction {
  /// Whether this is the larger (`Maximum`) rather than the smaller (`Minimum`).
  var isLargest: Bool { preconditionFailure("\(name) must override isLargest") }

  /// The forward computation, element by element.
  override public final func apply(_ a: Tensor, _ b: Tensor) -> Tensor {
    let largest = isLargest
    return checked { () throws(ShapeError) in
      try Tensor.elementwise(a, b, operation: name) { largest ? Swift.max($0, $1) : Swift.min($0, $1) }
    }
  }

  /// Where input `index`'s gradient goes (broadcast shape): 1 where it wins, ½ on a tie, else 0.
  final func share(input index: Int, _ a: Tensor, _ b: Tensor) -> Tensor {
    let largest = isLargest
    return checked { () throws(ShapeError) in
      try Tensor.elementwise(index == 0 ? a : b, index == 0 ? b : a, operation: name) { mine, other in
        mine == other ? 0.5 : (mine > other) == largest ? 1 : 0
      }
    }
  }

  /// `[share, gy]`.
  override public final func localFactors(input index: Int, _ a: Tensor, _ b: Tensor, _ gy: Tensor)
    -> [Tensor]
  {
    [share(input: index, a, b), gy]
  }

  /// `(share·gy, share·gy)` on variables, the shares constants.
  override public final func gradients(_ a: Variable, _ b: Variable, gy: Variable) -> (Variable, Variable) {
    let (x, y) = (a.data, b.data)
    return (
      Variable(share(input: 0, x, y), name: "share") * gy, Variable(share(input: 1, x, y), name: "share") * gy
    )
  }

  /// `maximum(a, b)` or `minimum(a, b)`.
  override public final func expression(_ names: [String]) -> String {
    "\(name.lowercased())(\(names[0]), \(names[1]))"
  }

  /// `(a > b)·gy` with ties halved.
  override public final func gradientFormula(input index: Int, names: [String]) -> String {
    let (mine, other) = index == 0 ? (names[0], names[1]) : (names[1], names[0])
    return "(\(mine) \(isLargest ? ">" : "<") \(other), ½ if equal)·gy"
  }
}

/// y = the larger of a and b, element by element.
public final class Maximum: PairwiseExtremum {
  override var isLargest: Bool { true }
}

/// y = the smaller of a and b, element by element.
public final class Minimum: PairwiseExtremum {
  override var isLargest: Bool { false }
}

/// `Maximum()(a, b)`: the larger of a and b, element by element with broadcasting.
public func maximum(_ a: Variable, _ b: Variable) -> Variable { Maximum()(a, b) }

/// `Minimum()(a, b)`: the smaller of a and b, element by element with broadcasting.
public func minimum(_ a: Variable, _ b: Variable) -> Variable { Minimum()(a, b) }
