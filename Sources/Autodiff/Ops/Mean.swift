/// y = the mean of x's elements, over all axes or the given ones (optionally keeping them as length 1).
public final class Mean: AxisReduction {
  /// The number of elements averaged into each output element.
  private var count: Int {
    Tensor.elementCount(of: firstInput!.shape) / Swift.max(Tensor.elementCount(of: keptShape), 1)
  }

  override func reducedKeepingDims(_ x: Tensor) -> Tensor {
    let total = checked { () throws(ShapeError) in
      try x.sum(axes: axes ?? Array(x.shape.indices), keepDims: true)
    }
    let counted = Tensor.elementCount(of: x.shape) / Swift.max(total.count, 1)
    return total / Double(counted)
  }

  /// `gy/n` broadcast back to x's shape, n the number of elements averaged.
  override public func backward(_ gys: [Tensor]) -> [Tensor] {
    [spread(gys[0]) / Double(count)]
  }

  /// `gy/n` broadcast back to x's shape, on variables.
  override public func backward(_ gys: [Variable]) -> [Variable] {
    [spread(gys[0]) / Double(count)]
  }

  /// `broadcast(gy, shape)/n`.
  override public func gradientFormula(input index: Int, names: [String]) -> String {
    "\(spreadFormula)/\(inputs.isEmpty ? "n" : String(count))"
  }
}

/// `Mean(axes:keepDims:)(x)`: the mean of x's elements, over all axes or the given ones.
public func mean(_ x: Variable, axes: [Int]? = nil, keepDims: Bool = false) -> Variable {
  Mean(axes: axes, keepDims: keepDims)(x)
}
