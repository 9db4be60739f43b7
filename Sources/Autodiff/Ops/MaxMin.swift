/// The largest or smallest element over some axes: the shared part of `Max` and `Min`. The
/// gradient goes to the extreme element, split evenly among ties (as PyTorch's `amax`/`amin`).
public class Extremum: AxisReduction {
  /// Whether this is the largest (`Max`) rather than the smallest (`Min`).
  var isLargest: Bool { preconditionFailure("\(name) must override isLargest") }

  /// The largest or smallest of no elements is undefined.
  override final var needsElements: Bool { true }

  override final func reducedKeepingDims(_ x: Tensor) -> Tensor {
    let largest = isLargest
    return checked { () throws(ShapeError) in
      try x.reduced(axes: axes, operation: name, initial: largest ? -.infinity : .infinity) {
        largest ? Swift.max($0, $1) : Swift.min($0, $1)
      }
    }
  }

  /// Where the gradient goes: `1/k` at each of the `k` extremes of each reduction, 0 elsewhere.
  final var mask: Tensor {
    let x = firstInput!.data
    return x.tieSplitMask(extremes: reducedKeepingDims(x))
  }

  /// `gy` at the extremes (split among ties), 0 elsewhere.
  override public final func backward(_ gys: [Tensor]) -> [Tensor] {
    [spread(gys[0]) * mask]
  }

  /// `gy` at the extremes on variables; the mask is a constant (its derivative is 0 almost everywhere).
  override public final func backward(_ gys: [Variable]) -> [Variable] {
    [spread(gys[0]) * Variable(mask, name: "mask")]
  }

  /// `gy at the arg max z[1, 0] = 1.7, 0 elsewhere` (over all axes), or the rule along the axes.
  override public final func gradientFormula(input index: Int, names: [String]) -> String {
    let word = isLargest ? "max" : "min"
    guard let x = inputs.first?.data, axes == nil || keptShape.allSatisfy({ $0 == 1 }), x.count > 0 else {
      return "gy at each arg \(word) along axes \(axes ?? []) (ties share it), 0 elsewhere"
    }
    let weights = mask.scalars
    let winners = weights.indices.filter { weights[$0] > 0 }
    guard !winners.isEmpty else { return "gy at the arg \(word) (none: \(names[0]) holds nan), 0 elsewhere" }
    let places = winners.map {
      "\(names[0])[\(x.index(ofElement: $0).map(String.init).joined(separator: ", "))]"
    }
    let value = formatConstant(x.scalars[winners[0]])
    if winners.count == 1 { return "gy at the arg \(word) \(places[0]) = \(value), 0 elsewhere" }
    return "gy/\(winners.count) at each arg \(word) \(places.joined(separator: ", ")) = \(value), 0 elsewhere"
  }
}

/// y = the largest element of x, over all axes or the given ones (as NumPy's `amax`).
public final class Max: Extremum {
  override var isLargest: Bool { true }
}

/// y = the smallest element of x, over all axes or the given ones (as NumPy's `amin`).
public final class Min: Extremum {
  override var isLargest: Bool { false }
}

/// `Max(axes:keepDims:)(x)`: the largest element, over all axes or the given ones.
public func amax(_ x: Variable, axes: [Int]? = nil, keepDims: Bool = false) -> Variable {
  Max(axes: axes, keepDims: keepDims)(x)
}

/// `Min(axes:keepDims:)(x)`: the smallest element, over all axes or the given ones.
public func amin(_ x: Variable, axes: [Int]? = nil, keepDims: Bool = false) -> Variable {
  Min(axes: axes, keepDims: keepDims)(x)
}
