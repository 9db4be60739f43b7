extension Tensor: CustomStringConvertible {
  /// NumPy-like text: a scalar prints as `0.5`, a vector as `[1.0, 2.0]`, a matrix as nested brackets.
  ///
  /// Numbers use Swift's shortest round-trip form, so `3.297442541400256` prints exactly.
  public var description: String {
    if shape.isEmpty, let value = scalar { return value.description }
    var text = ""
    describe(axis: 0, offset: 0, values: scalars, into: &text)
    return text
  }

  private func describe(axis: Int, offset: Int, values: [Double], into text: inout String) {
    let innerCount = Tensor.elementCount(of: Array(shape[(axis + 1)...]))
    text += "["
    for position in 0..<shape[axis] {
      if position > 0 { text += ", " }
      if axis == shape.count - 1 {
        text += values[offset + position].description
      } else {
        describe(axis: axis + 1, offset: offset + position * innerCount, values: values, into: &text)
      }
    }
    text += "]"
  }
}
